using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SolarDashboard.Core.Data;
using SolarDashboard.Core.Ingest;
using SolarDashboard.Core.Sync;

namespace SolarDashboard.Core.Control;

/// <summary>
/// Follows every delivered task to its end within the connection's control budget. Checks land just after the vendor's
/// re-evaluation marks (<see cref="ControlCadence"/>), first often, then less often (1, 1, 2, 4, 8, 16, then 20 marks:
/// 3, 3, 6, 12, 24, 48, 60 minutes for FusionSolar), and right after a duration-controlled charge should have ended.
/// Tasks whose delivery got no answer are reconciled from the plant's own data, never resent. After SUCCESS the plant's
/// data is read to confirm the effect. Everything lives in SQLite, so a restart picks up where it stopped.
/// </summary>
public sealed class ControlTracker(
    IHostApplicationLifetime lifetime,
    IDbContextFactory<SolarDbContext> dbFactory,
    ControlVendors vendors,
    ConnectionSessions sessions,
    CacheNotifier notifier,
    TimeProvider time,
    IOptions<ControlOptions> options,
    IOptions<SyncOptions> syncOptions,
    ILogger<ControlTracker> logger) : BackgroundService
{
    private static readonly int[] BackoffMarks = [1, 1, 2, 4, 8, 16, 20];
    private static readonly TimeSpan EffectPatience = TimeSpan.FromHours(1);
    private static readonly TimeSpan MeasurementStep = TimeSpan.FromMinutes(5);

    /// <summary>After a timed charge should have ended, check at every mark for this many marks (the vendor reports the end a few minutes late).</summary>
    private const int EndWatchMarks = 5;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!syncOptions.Value.Enabled) return;
        var started = new TaskCompletionSource();
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult())) await started.Task.WaitAsync(stoppingToken);
        await ResumeAsync(stoppingToken);
        using var timer = new PeriodicTimer(options.Value.Tick, time);
        do
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is Microsoft.Data.Sqlite.SqliteException or DbUpdateException or ControlVendorException)
            {
                logger.LogWarning(ex, "Control tracking skipped a round");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>After a restart: a task caught between "recorded" and "answered" may or may not have been delivered.</summary>
    public async Task ResumeAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = time.GetUtcNow();
        foreach (var task in await db.ControlTasks.Where(t => t.State == ControlTaskState.Delivering).ToListAsync(ct))
        {
            task.State = ControlTaskState.Unknown;
            task.NextCheckAt = now;
            foreach (var p in await db.ControlTaskPlants.Where(p => p.TaskId == task.Id).ToListAsync(ct))
            {
                p.Status = PlantControlStatus.Unknown;
                p.Message = "The dashboard restarted during the delivery; it is being reconciled from the plant's data and will not be sent again.";
                p.UpdatedAt = now;
            }
            db.ControlTaskEvents.Add(ControlLedger.Event(task.Id, now, "outcome unknown", "The dashboard restarted while the delivery was under way."));
        }
        var running = await db.ControlTasks.CountAsync(t => t.State == ControlTaskState.Running || t.State == ControlTaskState.Unknown, ct);
        await db.SaveChangesAsync(ct);
        if (running > 0) logger.LogInformation("Resuming the tracking of {Count} control task(s)", running);
    }

    public async Task RunOnceAsync(CancellationToken ct)
    {
        List<int> due;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var now = time.GetUtcNow();
            due = await db.ControlTasks.Where(t => (t.State == ControlTaskState.Running || t.State == ControlTaskState.Unknown) && t.NextCheckAt <= now)
                .OrderBy(t => t.NextCheckAt).Select(t => t.Id).ToListAsync(ct);
        }
        foreach (var id in due) await FollowAsync(id, ct);
        await CheckEffectsAsync(ct);
    }

    private async Task FollowAsync(int taskId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var task = await db.ControlTasks.SingleAsync(t => t.Id == taskId, ct);
        var plants = await db.ControlTaskPlants.Where(p => p.TaskId == taskId).ToListAsync(ct);
        var connection = await db.Connections.AsNoTracking().SingleOrDefaultAsync(c => c.Id == task.ConnectionId, ct);
        var vendor = connection is null ? null : vendors.For(connection.Vendor);
        var now = time.GetUtcNow();
        if (connection is null || vendor is null)
            Close(db, task, plants, PlantControlStatus.Unknown, "Its progress can no longer be followed: its connection was removed.", now);
        else if (task.State == ControlTaskState.Unknown) await ReconcileAsync(db, vendor, task, plants, ct);
        else await CheckAsync(db, vendor, connection, task, plants, ct);
        await db.SaveChangesAsync(ct);
        notifier.Changed();
    }

    private async Task CheckAsync(SolarDbContext db, IControlVendor vendor, Connections.VendorConnection connection, ControlTaskRecord task, List<ControlTaskPlant> plants, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var cadence = vendor.Cadence;
        if (connection.ProtectedSecret is null || task.VendorTaskId is null)
        {
            Close(db, task, plants, PlantControlStatus.Unknown, "Its progress can no longer be followed: the connection was removed.", now);
            return;
        }
        if (await ControlBudget.UsedTodayAsync(db, connection.Id, now, ct) >= vendor.CallsPerDay - options.Value.DeliveryReserve)
        {
            // Keep the last calls of the day for deliveries; look again when the budget renews.
            task.NextCheckAt = new DateTimeOffset(now.UtcDateTime.Date.AddDays(1), TimeSpan.Zero) + cadence.CheckMargin;
            db.ControlTaskEvents.Add(ControlLedger.Event(task.Id, now, "waiting", "Today's control budget is nearly spent; the next check is after midnight UTC."));
            return;
        }

        try
        {
            var answer = await vendor.QueryAsync(connection, task.Kind, task.VendorTaskId, ct);
            now = time.GetUtcNow();
            task.Checks++;
            var changed = Apply(plants, answer, now);
            if (changed || answer.FailCode != 0)
                db.ControlTaskEvents.Add(ControlLedger.Event(task.Id, now, "checked", $"failCode {answer.FailCode}: {ControlLedger.Sentence(answer.Message ?? "no message")} Answer: {ControlLedger.Trim(answer.Raw)}"));
        }
        catch (ControlVendorException ex)
        {
            task.Checks++;
            db.ControlTaskEvents.Add(ControlLedger.Event(task.Id, now, "check failed", ex.Message));
        }
        finally
        {
            sessions.CallLog(connection.Id).MoveTo(db);
        }

        if (plants.All(p => !p.Active))
        {
            task.State = ControlTaskState.Finished;
            task.FinishedAt = now;
            task.NextCheckAt = null;
        }
        else if (now - (task.DeliveredAt ?? task.SubmittedAt) > cadence.VendorTimeout + TimeSpan.FromMinutes(15))
        {
            // The vendor should have said TIMEOUT by now; do not follow it for ever.
            foreach (var p in plants.Where(p => p.Active)) { p.Status = PlantControlStatus.Timeout; p.Active = false; p.Message = $"Still running after {cadence.VendorTimeout.TotalHours:0} hours: timed out."; p.UpdatedAt = now; }
            Close(db, task, plants, null, null, now);
        }
        else
        {
            task.NextCheckAt = NextCheck(task, plants, now, cadence);
        }
    }

    /// <summary>Updates plant rows from a query answer; true when something changed.</summary>
    private static bool Apply(List<ControlTaskPlant> plants, ControlAnswer answer, DateTimeOffset now)
    {
        var changed = false;
        foreach (var a in answer.Plants)
        {
            var p = plants.FirstOrDefault(x => x.PlantCode == a.PlantCode && x.Active);
            if (p is null) continue;
            if (a.ChargedKwh != p.ChargedKwh || a.DischargedKwh != p.DischargedKwh) { p.ChargedKwh = a.ChargedKwh; p.DischargedKwh = a.DischargedKwh; p.UpdatedAt = now; }
            if (a.Status == p.Status) continue;
            changed = true;
            p.Status = a.Status;
            p.Message = a.Message;
            p.UpdatedAt = now;
            if (a.Status is PlantControlStatus.Success or PlantControlStatus.Fail or PlantControlStatus.Timeout)
            {
                p.Active = false;
                if (a.Status == PlantControlStatus.Success) (p.Effect, p.EffectNote) = a.Confirmed is null ? ("pending", null) : ("confirmed", a.Confirmed);
            }
        }
        return changed;
    }

    /// <summary>Just after a re-evaluation mark, backing off; and just after a duration-controlled charge should have ended.</summary>
    public static DateTimeOffset NextCheck(ControlTaskRecord task, IReadOnlyList<ControlTaskPlant> plants, DateTimeOffset now, ControlCadence cadence)
    {
        var delivered = task.DeliveredAt ?? task.SubmittedAt;
        var interval = cadence.CheckInterval;
        var target = now + interval * BackoffMarks[Math.Min(task.Checks, BackoffMarks.Length - 1)];
        if (task.Kind == ControlKind.ChargeDischarge)
            foreach (var p in plants.Where(p => p.Active))
                if (ControlJson.Read(p.ParametersJson) is ChargeDischargeParameters { SocControl: false, Minutes: { } minutes })
                {
                    var end = delivered + TimeSpan.FromMinutes(minutes) + interval;
                    if (now < end && end < target) target = end;                                                      // meet the planned end
                    else if (now >= end && now < end + interval * EndWatchMarks) target = Min(target, now + interval); // then look closely for a while
                }
        var marks = Math.Ceiling((target - delivered).Ticks / (double)interval.Ticks);
        return delivered + interval * marks + cadence.CheckMargin;
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    /// <summary>
    /// A delivery that got no answer: the plant's own data tells whether it arrived. Until there is data newer than the
    /// delivery, wait; then decide, and say so. Nothing is ever resent from here.
    /// </summary>
    private async Task ReconcileAsync(SolarDbContext db, IControlVendor vendor, ControlTaskRecord task, List<ControlTaskPlant> plants, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var pending = false;
        foreach (var p in plants.Where(p => p.Active))
        {
            var evidence = await vendor.ReadEvidenceAsync(p.PlantId, ct);
            var parameters = ControlJson.Read(p.ParametersJson);
            if (evidence.MeasuredAt(parameters) is not { } seenAt || seenAt <= task.SubmittedAt + TimeSpan.FromMinutes(1))
            {
                if (now - task.SubmittedAt < TimeSpan.FromMinutes(30)) { pending = true; continue; }
                Settle(p, PlantControlStatus.Unknown, "No fresh data came from the plant, so whether the task arrived cannot be told. Check the plant before sending it again.", now);
                continue;
            }
            var (arrived, note) = evidence.ShowsArrival(parameters);
            if (arrived == true)
            {
                Settle(p, PlantControlStatus.Unknown, "It reached the plant: " + note + $" {vendor.Vendor}'s task id never arrived, so its progress cannot be followed further.", now);
                p.Effect = "confirmed";
                p.EffectNote = note;
            }
            else if (arrived == false && seenAt >= task.SubmittedAt + TimeSpan.FromMinutes(10))
            {
                Settle(p, PlantControlStatus.NotDelivered, "No sign that it reached the plant (" + note + "). Nothing was sent again; submit it again if it is still wanted.", now);
            }
            else if (arrived is null && now - task.SubmittedAt >= TimeSpan.FromMinutes(30))
            {
                Settle(p, PlantControlStatus.Unknown, "The plant's data cannot show whether this task arrived (" + note + $"). Check the plant in {vendor.Vendor} before sending it again.", now);
            }
            else
            {
                pending = true;
            }
        }
        if (pending)
        {
            task.NextCheckAt = now + vendor.Cadence.CheckInterval;
            return;
        }
        db.ControlTaskEvents.Add(ControlLedger.Event(task.Id, now, "reconciled", string.Join(" ", plants.Select(p => $"{p.PlantName}: {p.Status}. {p.Message}"))));
        Close(db, task, plants, null, null, now);
    }

    private static void Settle(ControlTaskPlant p, PlantControlStatus status, string message, DateTimeOffset now)
    {
        p.Status = status;
        p.Message = message;
        p.Active = false;
        p.UpdatedAt = now;
    }

    private static void Close(SolarDbContext db, ControlTaskRecord task, List<ControlTaskPlant> plants, PlantControlStatus? status, string? message, DateTimeOffset now)
    {
        if (status is { } s)
            foreach (var p in plants.Where(p => p.Active)) Settle(p, s, message!, now);
        task.State = ControlTaskState.Finished;
        task.FinishedAt = now;
        task.NextCheckAt = null;
    }

    /// <summary>After SUCCESS: does the plant's data show it? A success without visible effect is flagged, not hidden.</summary>
    private async Task CheckEffectsAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = time.GetUtcNow();
        var waiting = await db.ControlTaskPlants.Where(p => p.Effect == "pending").ToListAsync(ct);
        if (waiting.Count == 0) return;
        var taskIds = waiting.Select(w => w.TaskId).Distinct().ToList();
        var vendorOf = await (from t in db.ControlTasks join c in db.Connections on t.ConnectionId equals c.Id where taskIds.Contains(t.Id) select new { t.Id, c.Vendor })
            .ToDictionaryAsync(x => x.Id, x => x.Vendor, ct);
        foreach (var p in waiting)
        {
            if (!vendorOf.TryGetValue(p.TaskId, out var v) || vendors.For(v) is not { } vendor) continue;
            var evidence = await vendor.ReadEvidenceAsync(p.PlantId, ct);
            var parameters = ControlJson.Read(p.ParametersJson);
            // Values measured at least one 5-minute step after the success: a change lands on the next step.
            if (evidence.MeasuredAt(parameters) is not { } at || at < p.UpdatedAt + MeasurementStep)
            {
                if (now - p.UpdatedAt > EffectPatience) { p.Effect = "not visible"; p.EffectNote = "No fresh data came from the plant within an hour of the success."; }
                continue;
            }
            var (seen, note) = evidence.ShowsEffect(parameters, p.ChargedKwh, p.DischargedKwh);
            // A setting may take a while to show; only the energy of a forced charge is final at once. Say "not visible" after an hour.
            if (seen == false && parameters is not ChargeDischargeParameters && now - p.UpdatedAt < EffectPatience)
            {
                p.EffectNote = "Not seen yet: " + note;
                continue;
            }
            p.Effect = seen switch { true => "confirmed", false => "not visible", null => "not measurable" };
            p.EffectNote = note;
            db.ControlTaskEvents.Add(ControlLedger.Event(p.TaskId, now, "effect", $"{p.PlantName}: {p.Effect}: {note}"));
            if (seen == false) logger.LogWarning("Control task {Task} succeeded at the vendor but {Plant} shows no effect: {Note}", p.TaskId, p.PlantName, note);
        }
        await db.SaveChangesAsync(ct);
        notifier.Changed();
    }
}
