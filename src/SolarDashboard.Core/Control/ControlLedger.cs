using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SolarDashboard.Core.Connections;
using SolarDashboard.Core.Data;
using SolarDashboard.Core.Ingest;
using SolarDashboard.Core.Plants;
using SolarDashboard.Core.Sync;
using SolarDashboard.Core.Users;

namespace SolarDashboard.Core.Control;

/// <summary>
/// The control ledger, for any vendor with an <see cref="IControlVendor"/>: every safety the operator relies on. Access
/// and the vendor's ranges are checked first; one task per plant at a time (a unique index, not only a check); one intent
/// one task (the request key); the record and the body to send are written before the call; never a blind retry: a
/// delivery without an answer becomes "unknown" and is reconciled from the plant's data by <see cref="ControlTracker"/>.
/// The audit trail is append-only (database triggers refuse changes).
/// </summary>
public sealed class ControlLedger(
    IDbContextFactory<SolarDbContext> dbFactory,
    ControlVendors vendors,
    ConnectionSessions sessions,
    CacheNotifier notifier,
    TimeProvider time,
    IOptions<ControlOptions> options,
    ILogger<ControlLedger> logger)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ConcurrentDictionary<int, SemaphoreSlim> _connectionGates = new();

    /// <summary>The plants this user may control (all of them when <paramref name="plantIds"/> is null), with what the forms need to know.</summary>
    public async Task<IReadOnlyList<PlantControlFacts>> ReadPlantsAsync(UserAccess user, IReadOnlyCollection<int>? plantIds = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var scope = user.Plants.Restrict(plantIds);
        var plants = (await db.Plants.AsNoTracking().Where(p => scope == null || scope.Contains(p.Id)).ToListAsync(ct)).Where(p => user.CanControl(p.Id)).ToList();
        var ids = plants.Select(p => p.Id).ToList();
        var connectionIds = plants.Select(p => p.ConnectionId).Distinct().ToList();
        var vendorOf = await db.Connections.AsNoTracking().Where(c => connectionIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Vendor, ct);
        var running = await db.ControlTaskPlants.AsNoTracking().Where(t => t.Active && ids.Contains(t.PlantId)).ToDictionaryAsync(t => t.PlantId, t => t.TaskId, ct);

        var facts = new List<PlantControlFacts>();
        foreach (var group in plants.GroupBy(p => vendorOf[p.ConnectionId]))
            facts.AddRange(vendors.For(group.Key) is { } vendor
                ? (await vendor.ReadFactsAsync(group.ToList(), ct)).Select(f => f with { Vendor = group.Key })
                : group.Select(p => Uncontrollable(p, group.Key)));
        var zones = plants.ToDictionary(p => p.Id, p => p.TimeZoneId);
        return facts.Select(f => f with { RunningTaskId = running.TryGetValue(f.PlantId, out var task) ? task : null, TimeZoneId = zones.GetValueOrDefault(f.PlantId) })
            .OrderBy(f => f.PlantName, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// The rules the plant control form follows: those of the vendor that offers plant-wide battery tasks (FusionSolar
    /// today; device settings have their own form). Plans and deliveries use each plant's vendor.
    /// </summary>
    public IControlRules FormRules => vendors.All.FirstOrDefault(v => v.Rules.MaxPlants(ControlKind.ChargeDischarge) > 0)?.Rules
        ?? throw new InvalidOperationException("No vendor with plant control is registered.");

    /// <summary>Checks a submission and says, per plant, what it will do and what will be sent. Sends nothing.</summary>
    public async Task<ControlPlan> PlanAsync(UserAccess user, ControlKind kind, IReadOnlyList<PlantRequest> requests, CancellationToken ct = default)
    {
        var problems = new List<string>();
        if (!user.MaySubmitControl) throw new AccessDeniedException("Only operators and admins may send control tasks.");
        if (requests.Count == 0) problems.Add("Choose at least one plant.");
        var tooMany = problems.Count; // where the vendor's plant limit is said, once the vendor is known
        if (requests.Select(r => r.PlantId).Distinct().Count() != requests.Count) problems.Add("A plant is listed twice.");
        if (requests.Any(r => r.Parameters.Kind != kind)) problems.Add("The parameters do not belong to this task.");

        var facts = (await ReadPlantsAsync(user, requests.Select(r => r.PlantId).ToList(), ct)).ToDictionary(f => f.PlantId);
        var planned = new List<PlannedPlant>();
        foreach (var r in requests)
        {
            // A plant this user cannot control reads as missing, like any plant they cannot see.
            if (!facts.TryGetValue(r.PlantId, out var plant)) throw new AccessDeniedException("No such plant.");
            if (vendors.For(plant.Vendor) is not { } vendor)
            {
                problems.Add($"{plant.PlantName}: {plant.ConnectionProblem}");
                continue;
            }
            var refused = vendor.Rules.Check(r.Parameters, plant);
            problems.AddRange(refused);
            // Refused parameters get no wire body: one may not even be JSON (NaN), and none will be sent.
            planned.Add(new PlannedPlant(plant, r.Parameters, vendor.Rules.Describe(r.Parameters, plant), refused.Count == 0 ? vendor.WireEntry(plant, r.Parameters) : ""));
        }
        foreach (var group in planned.GroupBy(p => p.Plant.Vendor))
            if (vendors.For(group.Key)!.Rules.MaxPlants(kind) is var max && group.Count() > max)
                problems.Insert(tooMany, $"At most {max} plants can receive this task at once.");
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
                var vendor = vendors.For(group.First().Plant.Vendor)!;
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
                        ParametersJson = ControlJson.Write(p.Parameters), Status = PlantControlStatus.Delivering, Active = true, UpdatedAt = now,
                    });
                db.ControlTaskEvents.Add(Event(task.Id, now, "submitted", $"{user.DisplayName} confirmed: {task.Summary} Body to send: " +
                    vendor.WireBody(group.Select(p => new PlantOrder(p.Plant.PlantCode, p.Parameters)).ToList())));
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

    /// <summary>One page of the tasks that touch this user's plants, newest first unless <paramref name="oldestFirst"/>; without their event lines.</summary>
    public async Task<IReadOnlyList<ControlTaskView>> ListAsync(UserAccess user, int take = 200, int skip = 0, bool oldestFirst = false, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var visible = VisibleTaskIds(db, user);
        var ids = await (oldestFirst ? visible.OrderBy(id => id) : visible.OrderByDescending(id => id)).Skip(skip).Take(take).ToListAsync(ct);
        var tasks = (await db.ControlTasks.AsNoTracking().Where(t => ids.Contains(t.Id)).ToListAsync(ct)).ToDictionary(t => t.Id);
        var plants = (await db.ControlTaskPlants.AsNoTracking().Where(p => ids.Contains(p.TaskId)).ToListAsync(ct)).ToLookup(p => p.TaskId);
        var zones = await ZonesAsync(db, plants.SelectMany(g => g).Select(p => p.PlantId), ct);
        return ids.Select(id => new ControlTaskView(tasks[id], plants[id].ToList(), []) { TimeZoneId = ZoneOf(plants[id], zones) }).ToList();
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
        var vendor = await db.Connections.AsNoTracking().Where(c => c.Id == task.ConnectionId).Select(c => (Vendor?)c.Vendor).SingleOrDefaultAsync(ct);
        var manual = vendor is { } v && vendors.For(v)?.Rules.ManualControlMode is { } mode ? ControlJson.Write(mode) : null;
        return new ControlTaskView(task, plants, events, manual) { TimeZoneId = ZoneOf(plants, await ZonesAsync(db, plants.Select(p => p.PlantId), ct)) };
    }

    /// <summary>
    /// The TOU schedule a plant's form starts from: the one its vendor reports, else the last one sent to it from here
    /// (delivered: not refused before it reached the plant); null when neither is known.
    /// </summary>
    public async Task<KnownSchedule?> KnownScheduleAsync(UserAccess user, PlantControlFacts plant, CancellationToken ct = default)
    {
        if (!user.CanControl(plant.PlantId)) return null;
        if (plant.ReportedMode is { Tou: true } reported) return new KnownSchedule(reported, null, null, null);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var sent = await db.ControlTaskPlants.AsNoTracking()
            .Where(p => p.PlantId == plant.PlantId && p.Status != PlantControlStatus.Rejected && p.Status != PlantControlStatus.NotDelivered)
            .Join(db.ControlTasks.AsNoTracking().Where(t => t.Kind == ControlKind.BatteryMode), p => p.TaskId, t => t.Id, (p, t) => new { p.ParametersJson, p.Status, t.Id, t.SubmittedAt })
            .OrderByDescending(x => x.Id).ToListAsync(ct);
        return sent.Select(x => (x, Mode: ControlJson.Read(x.ParametersJson) as BatteryModeParameters))
            .Where(x => x.Mode is { Tou: true })
            .Select(x => new KnownSchedule(x.Mode!, x.x.Id, x.x.SubmittedAt, x.x.Status)).FirstOrDefault();
    }

    private static async Task<Dictionary<int, string>> ZonesAsync(SolarDbContext db, IEnumerable<int> plantIds, CancellationToken ct)
    {
        var ids = plantIds.Distinct().ToList();
        return await db.Plants.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.TimeZoneId, ct);
    }

    /// <summary>The zone a task's times are shown in: its plants' (the first plant's when they differ).</summary>
    private static string? ZoneOf(IEnumerable<ControlTaskPlant> plants, IReadOnlyDictionary<int, string> zones) =>
        plants.OrderBy(p => p.PlantName, StringComparer.Ordinal).Select(p => zones.GetValueOrDefault(p.PlantId)).FirstOrDefault(z => z is not null);

    /// <summary>Sends a recorded task once. Any answer is recorded per plant; no answer makes it "unknown".</summary>
    private async Task DeliverAsync(int taskId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var task = await db.ControlTasks.SingleAsync(t => t.Id == taskId, ct);
        var plants = await db.ControlTaskPlants.Where(p => p.TaskId == taskId).ToListAsync(ct);
        var connection = await db.Connections.AsNoTracking().SingleAsync(c => c.Id == task.ConnectionId, ct);
        var vendor = vendors.For(connection.Vendor)!;
        var now = time.GetUtcNow();

        if (await ControlBudget.UsedTodayAsync(db, connection.Id, now, ct) >= vendor.CallsPerDay)
        {
            Finish(db, task, plants, PlantControlStatus.Rejected, $"Not sent: the owner's {vendor.CallsPerDay} control calls for today are used up. Try again after midnight UTC.", now);
            db.ControlTaskEvents.Add(Event(taskId, now, "not sent", $"The daily control budget ({vendor.CallsPerDay} calls per owner) is spent."));
            await db.SaveChangesAsync(ct);
            return;
        }

        var orders = plants.Select(p => new PlantOrder(p.PlantCode, ControlJson.Read(p.ParametersJson))).ToList();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(options.Value.DeliveryTimeout);
        var gate = _connectionGates.GetOrAdd(connection.Id, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        try
        {
            var answer = await vendor.DeliverAsync(connection, task.Kind, orders, deadline.Token);
            now = time.GetUtcNow();
            Apply(db, task, plants, answer, vendor, now);
        }
        catch (ControlRefusedException ex)
        {
            // Refused before it was processed: nothing happened at the plant.
            now = time.GetUtcNow();
            Finish(db, task, plants, PlantControlStatus.Rejected, "Not delivered: " + ex.Reason, now);
            db.ControlTaskEvents.Add(Event(taskId, now, "refused", ex.Message));
        }
        catch (Exception ex) when (ex is ControlVendorException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            now = time.GetUtcNow();
            task.State = ControlTaskState.Unknown;
            task.NextCheckAt = now + vendor.Cadence.CheckInterval;
            foreach (var p in plants) { p.Status = PlantControlStatus.Unknown; p.Message = "No answer to the delivery: it may or may not have reached the plant. It is being reconciled from the plant's data; it will not be sent again."; p.UpdatedAt = now; }
            db.ControlTaskEvents.Add(Event(taskId, now, "outcome unknown", ex is OperationCanceledException
                ? $"No answer within {options.Value.DeliveryTimeout.TotalSeconds:0} s." : ex.Message));
            logger.LogWarning("Control task {Task}: the delivery's outcome is unknown; reconciling instead of resending", taskId);
        }
        finally
        {
            gate.Release();
            sessions.CallLog(connection.Id).MoveTo(db);
            await db.SaveChangesAsync(CancellationToken.None);
            notifier.Changed();
        }
    }

    private static void Apply(SolarDbContext db, ControlTaskRecord task, List<ControlTaskPlant> plants, ControlAnswer answer, IControlVendor vendor, DateTimeOffset now)
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
                p.Message = (byCode.TryGetValue(p.PlantCode, out var r) ? r.Message : null) ?? answer.Message ?? $"{vendor.Vendor} refused the task (failCode {answer.FailCode}).";
            }
            p.UpdatedAt = now;
        }
        task.VendorTaskId = answer.TaskId;
        task.DeliveredAt = now;
        var anyRunning = plants.Any(p => p.Status == PlantControlStatus.Running);
        task.State = anyRunning ? ControlTaskState.Running : ControlTaskState.Finished;
        task.NextCheckAt = anyRunning ? now + vendor.Cadence.CheckInterval + vendor.Cadence.CheckMargin : null;
        if (!anyRunning) task.FinishedAt = now;
        db.ControlTaskEvents.Add(Event(task.Id, now, "delivered", $"failCode {answer.FailCode}: {Sentence(answer.Message ?? "no message")} Answer: {Trim(answer.Raw)}"));
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

    /// <summary>A plant whose vendor has no control: shown with the reason, never sent anything.</summary>
    private static PlantControlFacts Uncontrollable(Plant p, Vendor vendor) =>
        new(p.Id, p.Name, p.VendorKey, p.ConnectionId, false, $"the dashboard cannot control {vendor} plants.", false, false, ControllerType.Inverter, true,
            null, null, null, null, p.CapacityKwp, null) { Vendor = vendor };

    internal static ControlTaskEvent Event(int taskId, DateTimeOffset at, string step, string detail) =>
        new() { TaskId = taskId, At = at, Step = step, Detail = detail.Length > 4000 ? detail[..4000] + "…" : detail };

    /// <summary>A vendor's message as a sentence: one full stop at the end, not two ("delivered successfully.").</summary>
    internal static string Sentence(string text) => text.TrimEnd().TrimEnd('.') + ".";

    internal static string Trim(string raw) => raw.Length > 1500 ? raw[..1500] + "…" : raw;
}
