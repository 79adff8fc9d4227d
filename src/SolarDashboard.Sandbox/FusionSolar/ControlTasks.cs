using System.Collections.Concurrent;
using SolarDashboard.Sandbox.Simulation;

namespace SolarDashboard.Sandbox.FusionSolar;

/// <summary>
/// Delivered control tasks and their life: the status is evaluated every 3 simulated minutes after delivery (reference
/// 5.2.2), a task times out after 24 hours, and the effect reaches the simulation when the task succeeds.
/// </summary>
public sealed class ControlTasks(SandboxWorld world)
{
    public static readonly TimeSpan CheckInterval = TimeSpan.FromMinutes(3);
    public static readonly TimeSpan Timeout = TimeSpan.FromHours(24);

    private readonly ConcurrentDictionary<string, ControlTask> _tasks = new();
    private readonly ConcurrentDictionary<string, bool> _hangingPlants = new();
    private readonly object _deliveryGate = new();
    private long _sequence;

    /// <summary>Serialises deliveries so two concurrent calls cannot both pass the "already running" check.</summary>
    public object DeliveryGate => _deliveryGate;

    /// <summary>Test and demo aid: tasks delivered to this plant from now on never complete (and so time out after 24 h).</summary>
    public void SetHanging(string plantCode, bool hang)
    {
        if (hang) _hangingPlants[plantCode] = true;
        else _hangingPlants.TryRemove(plantCode, out _);
    }

    public bool IsHanging(string plantCode) => _hangingPlants.ContainsKey(plantCode);

    public string NewId()
    {
        var n = Interlocked.Increment(ref _sequence);
        // 16 digits, as the reference's task ids are.
        return (1_000_000_000_000_000L + (long)(DetRandom.Hash(world.Seed, 41, n) % 8_000_000_000_000_000UL) / 1000 * 1000 + n % 1000).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    public int ChecksToComplete(string plantCode, long salt) =>
        1 + (int)(DetRandom.Hash(world.Seed, 42, plantCode.GetHashCode(StringComparison.Ordinal), salt) % 2);

    public void Add(ControlTask task) => _tasks[task.Id] = task;

    /// <summary>Test aid: how many delivered tasks (of any kind) include the plant.</summary>
    public int CountFor(string plantCode) => _tasks.Values.Count(t => t.Plants.Any(p => p.PlantCode == plantCode));

    public ControlTask? Find(string id, string owner) => _tasks.TryGetValue(id, out var t) && t.Owner == owner ? t : null;

    /// <summary>True while a task of this kind is still running for the plant.</summary>
    public bool IsRunning(TaskKind kind, string plantCode, DateTimeOffset now) => _tasks.Values
        .Where(t => t.Kind == kind && now - t.Received < Timeout + CheckInterval)
        .SelectMany(t => t.Plants.Where(p => p.PlantCode == plantCode).Select(p => View(t, p, now)))
        .Any(v => v.Status == PlantTaskStatus.Running);

    /// <summary>The plant's status as the last 3-minute check saw it.</summary>
    public PlantTaskView View(ControlTask task, PlantTask plant, DateTimeOffset now)
    {
        var checks = (int)((now - task.Received).Ticks / CheckInterval.Ticks);
        var lastCheck = task.Received + CheckInterval * checks;
        var timeoutChecks = (int)(Timeout.Ticks / CheckInterval.Ticks);

        if (task.Kind == TaskKind.ChargeDischarge && plant.Forced is { } forced)
        {
            var simulator = world.Simulator(world.Fleet.PlantsByCode[plant.PlantCode]);
            var (kwh, finished) = simulator.ForcedProgress(forced, lastCheck);
            if (finished is { } f && f <= lastCheck)
            {
                var seenAt = task.Received + CheckInterval * (int)Math.Ceiling((f - task.Received).Ticks / (double)CheckInterval.Ticks);
                var timedOut = f >= task.Received + Timeout;
                return new(plant, timedOut ? PlantTaskStatus.Fail : PlantTaskStatus.Success, timedOut ? "TIMEOUT" : null, seenAt, Math.Round(kwh, 2));
            }
            return checks >= timeoutChecks
                ? new(plant, PlantTaskStatus.Fail, "TIMEOUT", task.Received + Timeout, Math.Round(kwh, 2))
                : new(plant, PlantTaskStatus.Running, null, null, Math.Round(kwh, 2));
        }

        if (plant.ChecksToComplete is { } done)
            return checks >= done
                ? new(plant, PlantTaskStatus.Success, null, task.Received + CheckInterval * done, null)
                : new(plant, PlantTaskStatus.Running, null, null, null);
        return checks >= timeoutChecks
            ? new(plant, PlantTaskStatus.Fail, "TIMEOUT", task.Received + Timeout, null)
            : new(plant, PlantTaskStatus.Running, null, null, null);
    }
}
