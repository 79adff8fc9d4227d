using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SolarDashboard.Core.Connections;
using SolarDashboard.Core.Control;
using SolarDashboard.Core.Data;
using SolarDashboard.Core.Ingest;
using SolarDashboard.Core.Sync;
using SolarDashboard.Core.Users;
using SolarDashboard.Vendors.FusionSolar.Sync;

namespace SolarDashboard.Vendors.FusionSolar.Control;

public sealed class ControlOptions
{
    public const string Section = "FusionSolar:Control";

    /// <summary>How long a delivery may take before its outcome counts as unknown (it is then reconciled, never resent).</summary>
    public TimeSpan DeliveryTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the tracker looks for due checks (each task keeps its own schedule; this only bounds the delay).</summary>
    public TimeSpan Tick { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Control calls per owner and UTC day kept back from status checks, so a new task can still be delivered.</summary>
    public int DeliveryReserve { get; set; } = 10;
}

public sealed record PlantRequest(int PlantId, ControlParameters Parameters);

/// <summary>What an operator confirmed. <see cref="RequestKey"/> is made when the form opens; submitting it twice is one task.</summary>
public sealed record ControlSubmission(string RequestKey, ControlKind Kind, IReadOnlyList<PlantRequest> Plants);

/// <summary>Per plant: what will happen in words, and the exact entry that will be sent.</summary>
public sealed record PlannedPlant(PlantControlFacts Plant, ControlParameters Parameters, string Description, string WireJson);

public sealed record ControlPlan(IReadOnlyList<PlannedPlant> Plants, IReadOnlyList<string> Problems)
{
    public bool CanSend => Problems.Count == 0 && Plants.Count > 0;
}

/// <summary>A task as the history and detail pages show it.</summary>
public sealed record ControlTaskView(ControlTaskRecord Task, IReadOnlyList<ControlTaskPlant> Plants, IReadOnlyList<ControlTaskEvent> Events);

public sealed record SubmitOutcome(IReadOnlyList<string> Problems, IReadOnlyList<int> TaskIds)
{
    public bool Accepted => Problems.Count == 0;
}

/// <summary>
/// Submits control tasks (reference 5.2) with every safety the operator relies on: access and ranges checked first, one
/// task per plant at a time (a unique index, not only a check), one intent one task (request key), the record written
/// before the call, never a blind retry — a delivery without an answer becomes "unknown" and is reconciled from the
/// plant's data by <see cref="ControlTaskTracker"/>.
/// </summary>
public sealed class ControlService(
    IDbContextFactory<SolarDbContext> dbFactory,
    ControlFactsReader factsReader,
    FusionSolarSyncer syncer,
    CacheNotifier notifier,
    TimeProvider time,
    IOptions<ControlOptions> options,
    ILogger<ControlService> logger)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ConcurrentDictionary<int, SemaphoreSlim> _connectionGates = new();

    /// <summary>Checks a submission and says, per plant, what it will do and what will be sent. Sends nothing.</summary>
    public async Task<ControlPlan> PlanAsync(UserAccess user, ControlKind kind, IReadOnlyList<PlantRequest> requests, CancellationToken ct = default)
    {
        var problems = new List<string>();
        if (!user.MaySubmitControl) throw new AccessDeniedException("Only operators and admins may send control tasks.");
        if (requests.Count == 0) problems.Add("Choose at least one plant.");
        if (requests.Count > ControlRules.MaxPlants(kind)) problems.Add($"At most {ControlRules.MaxPlants(kind)} plants can receive this task at once.");
        if (requests.Select(r => r.PlantId).Distinct().Count() != requests.Count) problems.Add("A plant is listed twice.");
        if (requests.Any(r => r.Parameters.Kind != kind)) problems.Add("The parameters do not belong to this task.");

        var facts = (await factsReader.ReadAsync(user, requests.Select(r => r.PlantId).ToList(), ct)).ToDictionary(f => f.PlantId);
        var planned = new List<PlannedPlant>();
        foreach (var r in requests)
        {
            // A plant this user cannot control reads as missing, like any plant they cannot see.
            if (!facts.TryGetValue(r.PlantId, out var plant)) throw new AccessDeniedException("No such plant.");
            var refused = ControlRules.Check(r.Parameters, plant);
            problems.AddRange(refused);
            // Refused parameters get no wire body: one may not even be JSON (NaN), and none will be sent.
            planned.Add(new PlannedPlant(plant, r.Parameters, ControlRules.Describe(r.Parameters, plant),
                refused.Count == 0 ? ControlWire.Task(plant.PlantCode, r.Parameters).ToJsonString(Json) : ""));
        }
        return new ControlPlan(planned, problems);
    }

    public async Task<SubmitOutcome> SubmitAsync(UserAccess user, ControlSubmission submission, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(submission.RequestKey) || submission.RequestKey.Length > 40) return new(["The form is stale; open it again."], []);
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            // The same confirmation again (double-click, a second tab, a retried request): the tasks it already made.
            var existing = await db.ControlTasks.AsNoTracking().Where(t => t.RequestKey.StartsWith(submission.RequestKey + ":")).Select(t => t.Id).ToListAsync(ct);
            if (existing.Count > 0) return new([], existing);
        }

        var plan = await PlanAsync(user, submission.Kind, submission.Plants, ct);
        if (!plan.CanSend) return new(plan.Problems, []);

        var taskIds = new List<int>();
        await _gate.WaitAsync(ct);
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var now = time.GetUtcNow();
            foreach (var group in plan.Plants.GroupBy(p => p.Plant.ConnectionId))
            {
                var task = new ControlTaskRecord
                {
                    ConnectionId = group.Key, Kind = submission.Kind, SubmittedByUserId = user.UserId, SubmittedByName = user.DisplayName,
                    SubmittedAt = now, RequestKey = $"{submission.RequestKey}:{group.Key}", State = ControlTaskState.Delivering,
                    Summary = string.Join(" ", group.Select(p => $"{p.Plant.PlantName}: {p.Description}")),
                };
                db.ControlTasks.Add(task);
                await db.SaveChangesAsync(ct);
                foreach (var p in group)
                    db.ControlTaskPlants.Add(new ControlTaskPlant
                    {
                        TaskId = task.Id, PlantId = p.Plant.PlantId, PlantName = p.Plant.PlantName, PlantCode = p.Plant.PlantCode,
                        ParametersJson = JsonSerializer.Serialize(p.Parameters, Json), Status = PlantControlStatus.Delivering, Active = true, UpdatedAt = now,
                    });
                db.ControlTaskEvents.Add(Event(task.Id, now, "submitted", $"{user.DisplayName} confirmed: {task.Summary} Body to send: " +
                    ControlWire.DeliveryBody(group.Select(p => (p.Plant.PlantCode, p.Parameters))).ToJsonString(Json)));
                taskIds.Add(task.Id);
            }
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException ex) when (ex.InnerException is Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 19 })
            {
                // The unique index on active plant tasks: someone else's task got in first. Nothing is sent.
                logger.LogWarning("A control task for plant(s) already running was refused by the database");
                await MarkRefusedAsync(taskIds, "Another task for the same plant started at the same moment; nothing was sent.", ct);
                return new(["Another task for one of these plants started at the same moment. Nothing was sent; look at its progress first."], taskIds);
            }
        }
        finally
        {
            _gate.Release();
        }

        foreach (var id in taskIds) await DeliverAsync(id, ct);
        return new([], taskIds);
    }

    /// <summary>Tasks that touch a plant this user can see (admins: all), newest first; without their event lines.</summary>
    /// <summary>One page of the tasks that touch this user's plants, newest first unless <paramref name="oldestFirst"/>.</summary>
    public async Task<IReadOnlyList<ControlTaskView>> ListAsync(UserAccess user, int take = 200, int skip = 0, bool oldestFirst = false, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var visible = VisibleTaskIds(db, user);
        var ids = await (oldestFirst ? visible.OrderBy(id => id) : visible.OrderByDescending(id => id)).Skip(skip).Take(take).ToListAsync(ct);
        var tasks = (await db.ControlTasks.AsNoTracking().Where(t => ids.Contains(t.Id)).ToListAsync(ct)).ToDictionary(t => t.Id);
        var plants = (await db.ControlTaskPlants.AsNoTracking().Where(p => ids.Contains(p.TaskId)).ToListAsync(ct)).ToLookup(p => p.TaskId);
        return ids.Select(id => new ControlTaskView(tasks[id], plants[id].ToList(), [])).ToList();
    }

    /// <summary>How many tasks touch this user's plants (for paging).</summary>
    public async Task<int> CountAsync(UserAccess user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await VisibleTaskIds(db, user).CountAsync(ct);
    }

    private static IQueryable<int> VisibleTaskIds(SolarDbContext db, UserAccess user)
    {
        var scope = user.Plants.PlantIds;
        return db.ControlTaskPlants.AsNoTracking().Where(p => user.Plants.IsAll || (scope != null && scope.Contains(p.PlantId))).Select(p => p.TaskId).Distinct();
    }

    /// <summary>One task with its audit lines, or null when it does not exist or touches no plant of this user.</summary>
    public async Task<ControlTaskView?> GetAsync(UserAccess user, int taskId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var plants = await db.ControlTaskPlants.AsNoTracking().Where(p => p.TaskId == taskId).OrderBy(p => p.PlantName).ToListAsync(ct);
        if (plants.Count == 0 || !plants.Any(p => user.Plants.Allows(p.PlantId))) return null;
        var task = await db.ControlTasks.AsNoTracking().SingleAsync(t => t.Id == taskId, ct);
        var events = await db.ControlTaskEvents.AsNoTracking().Where(e => e.TaskId == taskId).OrderBy(e => e.Id).ToListAsync(ct);
        return new ControlTaskView(task, plants, events);
    }

    /// <summary>Sends a recorded task once. Any answer is recorded per plant; no answer makes it "unknown".</summary>
    private async Task DeliverAsync(int taskId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var task = await db.ControlTasks.SingleAsync(t => t.Id == taskId, ct);
        var plants = await db.ControlTaskPlants.Where(p => p.TaskId == taskId).ToListAsync(ct);
        var connection = await db.Connections.AsNoTracking().SingleAsync(c => c.Id == task.ConnectionId, ct);
        var now = time.GetUtcNow();

        if (await ControlBudget.UsedTodayAsync(db, connection.Id, now, ct) >= FusionSolarPlanner.OAuthControlPerDay)
        {
            Finish(db, task, plants, PlantControlStatus.Rejected, "Not sent: the owner's 100 control calls for today are used up. Try again after midnight UTC.", now);
            db.ControlTaskEvents.Add(Event(taskId, now, "not sent", "The daily control budget (100 calls per owner) is spent."));
            await db.SaveChangesAsync(ct);
            return;
        }

        var calls = new List<NbiCallRecord>();
        var client = syncer.ControlClientFor(connection, calls.Add);
        var (api, path) = ControlWire.DeliveryApi(task.Kind);
        var body = ControlWire.DeliveryBody(plants.Select(p => (p.PlantCode, JsonSerializer.Deserialize<ControlParameters>(p.ParametersJson, Json)!)));
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(options.Value.DeliveryTimeout);
        var gate = _connectionGates.GetOrAdd(connection.Id, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        try
        {
            var answer = ControlWire.ParseDelivery(task.Kind, await client.ControlAsync(api, path, body, deadline.Token));
            now = time.GetUtcNow();
            Apply(db, task, plants, answer, now);
        }
        catch (FusionSolarException ex) when (ex.Error.Kind is FusionSolarErrorKind.NoPermission or FusionSolarErrorKind.RateLimited or FusionSolarErrorKind.GatewayThrottled
                                               or FusionSolarErrorKind.CredentialsRejected or FusionSolarErrorKind.ReauthorizationRequired or FusionSolarErrorKind.SessionExpired)
        {
            // Refused before it was processed: nothing happened at the plant.
            now = time.GetUtcNow();
            Finish(db, task, plants, PlantControlStatus.Rejected, "Not delivered: " + ex.Error.Message, now);
            db.ControlTaskEvents.Add(Event(taskId, now, "refused", $"{ex.Error.Kind}: {ex.Error.Message}"));
        }
        catch (Exception ex) when (ex is FusionSolarException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            now = time.GetUtcNow();
            task.State = ControlTaskState.Unknown;
            task.NextCheckAt = now + ControlTaskTracker.CheckInterval;
            foreach (var p in plants) { p.Status = PlantControlStatus.Unknown; p.Message = "No answer to the delivery: it may or may not have reached the plant. It is being reconciled from the plant's data; it will not be sent again."; p.UpdatedAt = now; }
            db.ControlTaskEvents.Add(Event(taskId, now, "outcome unknown", ex is OperationCanceledException
                ? $"No answer within {options.Value.DeliveryTimeout.TotalSeconds:0} s." : ((FusionSolarException)ex).Error.Message));
            logger.LogWarning("Control task {Task}: the delivery's outcome is unknown; reconciling instead of resending", taskId);
        }
        finally
        {
            gate.Release();
            CallLog.Add(db, connection.Id, calls);
            await db.SaveChangesAsync(CancellationToken.None);
            notifier.Changed();
        }
    }

    private static void Apply(SolarDbContext db, ControlTaskRecord task, List<ControlTaskPlant> plants, ControlAnswer answer, DateTimeOffset now)
    {
        var byCode = answer.Plants.GroupBy(p => p.PlantCode).ToDictionary(g => g.Key, g => g.First());
        foreach (var p in plants)
        {
            if (byCode.TryGetValue(p.PlantCode, out var a) && a.Status == PlantControlStatus.Running && answer.TaskId is not null)
            {
                p.Status = PlantControlStatus.Running;
                p.Message = null;
            }
            else
            {
                p.Status = PlantControlStatus.Rejected;
                p.Active = false;
                p.Message = (byCode.TryGetValue(p.PlantCode, out var r) ? r.Message : null) ?? answer.Message ?? $"FusionSolar refused the task (failCode {answer.FailCode}).";
            }
            p.UpdatedAt = now;
        }
        task.VendorTaskId = answer.TaskId;
        task.DeliveredAt = now;
        var anyRunning = plants.Any(p => p.Status == PlantControlStatus.Running);
        task.State = anyRunning ? ControlTaskState.Running : ControlTaskState.Finished;
        task.NextCheckAt = anyRunning ? now + ControlTaskTracker.CheckInterval + ControlTaskTracker.CheckMargin : null;
        if (!anyRunning) task.FinishedAt = now;
        db.ControlTaskEvents.Add(Event(task.Id, now, "delivered", $"failCode {answer.FailCode}: {answer.Message ?? "no message"}. Answer: {Trim(answer.Raw)}"));
    }

    private static void Finish(SolarDbContext db, ControlTaskRecord task, List<ControlTaskPlant> plants, PlantControlStatus status, string message, DateTimeOffset now)
    {
        foreach (var p in plants) { p.Status = status; p.Message = message; p.Active = false; p.UpdatedAt = now; }
        task.State = ControlTaskState.Finished;
        task.FinishedAt = now;
        task.NextCheckAt = null;
    }

    private async Task MarkRefusedAsync(IReadOnlyList<int> taskIds, string why, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = time.GetUtcNow();
        foreach (var task in await db.ControlTasks.Where(t => taskIds.Contains(t.Id)).ToListAsync(ct))
        {
            Finish(db, task, await db.ControlTaskPlants.Where(p => p.TaskId == task.Id).ToListAsync(ct), PlantControlStatus.Rejected, why, now);
            db.ControlTaskEvents.Add(Event(task.Id, now, "not sent", why));
        }
        await db.SaveChangesAsync(ct);
    }

    internal static ControlTaskEvent Event(int taskId, DateTimeOffset at, string step, string detail) =>
        new() { TaskId = taskId, At = at, Step = step, Detail = detail.Length > 4000 ? detail[..4000] + "…" : detail };

    internal static string Trim(string raw) => raw.Length > 1500 ? raw[..1500] + "…" : raw;
}

/// <summary>The owner's 100 control calls per UTC day (reference 4.1), counted from the call log.</summary>
public static class ControlBudget
{
    public static async Task<int> UsedTodayAsync(SolarDbContext db, int connectionId, DateTimeOffset now, CancellationToken ct)
    {
        var dayStart = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
        return await db.Calls.CountAsync(c => c.ConnectionId == connectionId && c.At >= dayStart && c.Api.StartsWith("control/"), ct);
    }
}
