using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SolarDashboard.Core.Data;
using SolarDashboard.Core.Ingest;
using SolarDashboard.Core.Measures;
using SolarDashboard.Core.Plants;
using SolarDashboard.Core.Reports;
using SolarDashboard.Core.TimeSeries;

namespace SolarDashboard.Core.Redex;

/// <summary>
/// One round of the REDEX export: plan (each registered inverter's closed days, checked, become Pending or Held), send
/// (Pending days in batches, one inverter per request, within the request budget) and track (status query per process
/// id to Success or Failed). The day's production is the device's daily PV yield from the standard measures, so any
/// vendor's inverter can be registered; the accumulated value is the device's lifetime PV yield counter at the day's end
/// (<see cref="DayEndCounters"/>), and a day whose counter went down is held. A day is marked as sent before its request
/// leaves: a lost answer or a crash mid-request leaves it Unknown, never resent without a person.
/// </summary>
public sealed class RedexExporter(IDbContextFactory<SolarDbContext> dbFactory, SeriesStore series, IGenerationRegistry registry, RedexSessions sessions,
    TimeProvider time, IOptions<RedexExportOptions> options, CacheNotifier notifier, ILogger<RedexExporter> logger)
{
    public const string SendingMessage = "Sent; no answer yet. If none comes, a person decides whether the registry got it.";
    private readonly SemaphoreSlim _round = new(1, 1);

    /// <summary>Requests this process made to the registry (for the benchmark and tests), by kind.</summary>
    public int Requests => _requests;
    private int _requests;

    public async Task RunOnceAsync(CancellationToken ct = default)
    {
        await _round.WaitAsync(ct);
        try
        {
            await PlanAsync(ct);
            List<int> accounts;
            await using (var db = await dbFactory.CreateDbContextAsync(ct)) accounts = await db.RedexAccounts.Select(a => a.Id).ToListAsync(ct);
            foreach (var account in accounts)
            {
                try
                {
                    await SendAsync(account, ct);
                    await TrackAsync(account, ct);
                }
                catch (RegistryException ex)
                {
                    // The token call failed (wrong credentials, no answer): this account waits for the next round.
                    logger.LogWarning("REDEX account {AccountId} skipped a round: {Kind} {Message}", account, ex.Kind, ex.Message);
                }
            }
            notifier.Changed();
        }
        finally
        {
            _round.Release();
        }
    }

    // ---- Plan ----

    public async Task PlanAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var registrations = await (from r in db.RedexRegistrations
                                   join d in db.Devices on r.DeviceId equals d.Id
                                   join p in db.Plants on d.PlantId equals p.Id
                                   select new { Registration = r, p.TimeZoneId, p.CapacityKwp }).ToListAsync(ct);
        var now = time.GetUtcNow();
        foreach (var item in registrations)
        {
            var r = item.Registration;
            var today = PlantTime.LocalDate(item.TimeZoneId, now);
            var lastClosed = PlantTime.ToUtc(item.TimeZoneId, today.ToDateTime(TimeOnly.MinValue)) + options.Value.SettleDelay <= now ? today.AddDays(-1) : today.AddDays(-2);
            var rows = await db.RedexExportDays.Where(x => x.RegistrationId == r.Id && x.IsCurrent).ToDictionaryAsync(x => x.Day, ct);
            // Only days still to decide need the cache: a settled backlog costs no read.
            var firstOpen = r.StartDate;
            while (firstOpen < today && rows.TryGetValue(firstOpen, out var settled) && settled.State != ExportState.Held) firstOpen = firstOpen.AddDays(1);
            if (firstOpen >= today) continue;

            var from = Text(firstOpen);
            var to = Text(today.AddDays(-1));
            var energy = (await db.Reports.Where(x => x.DeviceId == r.DeviceId && x.Period == ReportPeriod.Day
                        && string.Compare(x.LocalStart, from) >= 0 && string.Compare(x.LocalStart, to) <= 0)
                    .Select(x => new { x.LocalStart, x.StandardJson, x.ReceivedAt }).ToListAsync(ct))
                .ToDictionary(x => DateOnly.ParseExact(x.LocalStart, "yyyy-MM-dd", CultureInfo.InvariantCulture),
                    x => (Kwh: StandardValues.Parse(x.StandardJson)[StandardMeasure.PvKwh], x.ReceivedAt));
            // Today's samples too: the day's last interval, or any sample after it, shows the cache holds that day to its end.
            var (counters, latestSample) = await DayEndCounters.ReadWithLatestAsync(series, r.DeviceId, item.TimeZoneId, firstOpen.AddDays(-1), today, ct);
            var capacity = r.CapacityKw ?? item.CapacityKwp;

            // The value the next day must not go below: the last one sent, or the counter at the end of the day before the start.
            decimal? previous = firstOpen > r.StartDate ? Parse(rows[firstOpen.AddDays(-1)].AccumulatedKwh)
                : counters.TryGetValue(firstOpen.AddDays(-1), out var before) ? Round(before) : null;
            DateOnly? heldBefore = null;
            for (var day = firstOpen; day < today; day = day.AddDays(1))
            {
                rows.TryGetValue(day, out var row);
                if (row is not null && row.State != ExportState.Held)
                {
                    previous = Parse(row.AccumulatedKwh) ?? previous;
                    continue;
                }
                var (kwh, receivedAt) = energy.GetValueOrDefault(day);
                decimal? counter = counters.TryGetValue(day, out var c) ? Round(c) : null;
                var dayEnd = PlantTime.ToUtc(item.TimeZoneId, day.AddDays(1).ToDateTime(TimeOnly.MinValue));
                var reason = day > lastClosed ? "The day has not closed yet."
                    : heldBefore is { } h ? $"Waits for {Text(h)}, held before it (the accumulated value must not skip a day)."
                    : kwh is not null && receivedAt < dayEnd - FinalFigureWindow ? "Waits for the day's final production: the vendor's report of it was last fetched before the day ended."
                    : counter is not null && !(latestSample >= dayEnd - FinalFigureWindow) ? "Waits for the day's final lifetime counter: the cache has no sample of the day's last interval or after it yet."
                    : Check(kwh, counter, previous, capacity);
                if (row is null)
                {
                    row = new RedexExportDay { RegistrationId = r.Id, Day = day, Version = 1, IsCurrent = true, State = ExportState.Held, UpdatedAt = now };
                    db.RedexExportDays.Add(row);
                }
                if (reason is null)
                {
                    previous = counter;
                    Set(row, ExportState.Pending, null, Kwh(kwh!.Value), Kwh(counter!.Value), now);
                }
                else
                {
                    heldBefore ??= day;
                    Set(row, ExportState.Held, reason, null, null, now);
                }
            }
            await db.SaveChangesAsync(ct);
        }
    }

    /// <summary>
    /// A day's production counts as final when it was fetched within the day's last 5-minute interval or later: both
    /// vendors report in 5-minute steps (ATESS's last upload of a day is stamped 23:55), so such a figure holds every
    /// interval of the day. One fetched earlier waits for the sync to fetch it again after the day ended.
    /// </summary>
    private static readonly TimeSpan FinalFigureWindow = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Why a closed day cannot be sent, or null when it can: its production (<paramref name="kwh"/>), its lifetime counter at
    /// the day's end (<paramref name="counter"/>, the accumulated value), and the accumulated value before it.
    /// </summary>
    public static string? Check(double? kwh, decimal? counter, decimal? previous, double? capacityKw)
    {
        if (kwh is not { } v) return "Gap: the cache has no daily production for this day.";
        if (counter is not { } total) return "Gap: the cache has no lifetime PV yield counter at the end of this day.";
        if (previous is { } p && total < p)
            return $"Lifetime counter went down from {Kwh(p)} to {Kwh(total)} kWh (counter reset or swapped inverter).";
        if (v < 0) return $"The day's production is negative: {v.ToString("0.###", CultureInfo.InvariantCulture)} kWh.";
        if (capacityKw is { } cap && cap > 0 && v > cap * 24)
            return $"Production {v.ToString("0.###", CultureInfo.InvariantCulture)} kWh exceeds capacity {cap.ToString("0.###", CultureInfo.InvariantCulture)} kW × 24 h = {(cap * 24).ToString("0.###", CultureInfo.InvariantCulture)} kWh.";
        return null;
    }

    private static void Set(RedexExportDay row, ExportState state, string? reason, string? period, string? accumulated, DateTimeOffset now)
    {
        if (row.State == state && row.HeldReason == reason && row.PeriodKwh == period && row.AccumulatedKwh == accumulated) return;
        (row.State, row.HeldReason, row.PeriodKwh, row.AccumulatedKwh, row.UpdatedAt) = (state, reason, period, accumulated, now);
    }

    // ---- Send ----

    private async Task SendAsync(int accountId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var account = await db.RedexAccounts.AsNoTracking().SingleAsync(a => a.Id == accountId, ct);
        var pending = await (from x in db.RedexExportDays
                             join r in db.RedexRegistrations on x.RegistrationId equals r.Id
                             where r.AccountId == accountId && x.IsCurrent && x.State == ExportState.Pending
                             select new { Day = x, r.RemoteInvId }).ToListAsync(ct);
        var budget = sessions.Budget(accountId);
        var renewed = false;
        foreach (var batch in pending.GroupBy(p => p.RemoteInvId).SelectMany(g => g.OrderBy(p => p.Day.Day).Chunk(registry.MaxRecordsPerRequest)))
        {
            var token = await sessions.AccessTokenAsync(accountId, renew: false, ct);
            if (token is null || !budget.TryTake()) return;
            var days = batch.Select(b => b.Day).ToList();
            var now = time.GetUtcNow();
            foreach (var d in days) (d.State, d.SentAt, d.RegistryMessage, d.UpdatedAt) = (ExportState.Unknown, now, SendingMessage, now);
            await db.SaveChangesAsync(ct); // before the request leaves: a crash from here on is an unknown, never a resend

            var stop = false;
            try
            {
                Interlocked.Increment(ref _requests);
                var processId = await registry.SendAsync(new Uri(account.BaseUrl), token, batch[0].RemoteInvId,
                    days.Select(d => new GenerationRecord(d.Day, d.PeriodKwh!, d.AccumulatedKwh!)).ToList(), ct);
                foreach (var d in days) (d.State, d.ProcessId, d.RegistryMessage) = (ExportState.Sent, processId, null);
            }
            catch (RegistryException ex)
            {
                logger.LogWarning("REDEX refused or lost {Count} days of {RemoteInvId}: {Kind} {Message}", days.Count, batch[0].RemoteInvId, ex.Kind, ex.Message);
                var (state, message) = ex.Kind switch
                {
                    // Refused before anything was stored: the same days go again.
                    RegistryErrorKind.Unauthorized or RegistryErrorKind.TooManyRequests => (ExportState.Pending, (string?)null),
                    RegistryErrorKind.Gateway when ex.Status != 504 => (ExportState.Pending, null),
                    RegistryErrorKind.BadRequest or RegistryErrorKind.Forbidden or RegistryErrorKind.NotFound or RegistryErrorKind.Unprocessable =>
                        (ExportState.Failed, ex.Describe()),
                    _ => (ExportState.Unknown, $"No usable answer ({ex.Message}); the registry may have the data. A person decides."),
                };
                foreach (var d in days) (d.State, d.RegistryMessage, d.SentAt) = (state, message, state == ExportState.Pending ? null : d.SentAt);
                if (ex.Kind == RegistryErrorKind.Unauthorized)
                {
                    stop = renewed || await sessions.AccessTokenAsync(accountId, renew: true, ct) is null;
                    renewed = true;
                }
                else if (state == ExportState.Pending)
                {
                    budget.PauseFor(ex.RetryAfter);
                    stop = true;
                }
            }
            await db.SaveChangesAsync(CancellationToken.None);
            if (stop) return;
        }
    }

    // ---- Track ----

    private async Task TrackAsync(int accountId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var account = await db.RedexAccounts.AsNoTracking().SingleAsync(a => a.Id == accountId, ct);
        var open = await (from x in db.RedexExportDays
                          join r in db.RedexRegistrations on x.RegistrationId equals r.Id
                          where r.AccountId == accountId && x.ProcessId != null && (x.State == ExportState.Sent || x.State == ExportState.Processing)
                          select x).ToListAsync(ct);
        var budget = sessions.Budget(accountId);
        foreach (var process in open.GroupBy(x => x.ProcessId!))
        {
            var token = await sessions.AccessTokenAsync(accountId, renew: false, ct);
            if (token is null || !budget.TryTake()) break; // the rest next round; what was learnt is saved below
            RegistryProcess status;
            try
            {
                Interlocked.Increment(ref _requests);
                status = await registry.StatusAsync(new Uri(account.BaseUrl), token, process.Key, ct);
            }
            catch (RegistryException ex) when (ex.Kind is RegistryErrorKind.NotFound)
            {
                foreach (var d in process) (d.State, d.RegistryMessage) = (ExportState.Unknown, $"The registry does not know process {process.Key}. A person decides.");
                continue;
            }
            catch (RegistryException ex)
            {
                logger.LogWarning("REDEX status of {ProcessId} not read: {Kind} {Message}", process.Key, ex.Kind, ex.Message);
                if (ex.Kind == RegistryErrorKind.Unauthorized) await sessions.AccessTokenAsync(accountId, renew: true, ct);
                if (ex.Kind == RegistryErrorKind.TooManyRequests) budget.PauseFor(ex.RetryAfter);
                break; // asked again next round: a status query is safe to repeat
            }
            var state = status.Status switch
            {
                "Success" => ExportState.Success,
                "Failed" => ExportState.Failed,
                "Processing" => ExportState.Processing,
                _ => ExportState.Sent,
            };
            var now = time.GetUtcNow();
            foreach (var d in process.Where(d => d.State != state || d.RegistryMessage != status.Reason))
                (d.State, d.RegistryMessage, d.UpdatedAt) = (state, status.Reason, now);
        }
        await db.SaveChangesAsync(ct);
    }

    // ---- Texts ----

    /// <summary>A kWh value as sent: a dot and exactly 3 decimals (the registry refuses more; the reference's example shows four).</summary>
    public static string Kwh(double value) => Kwh((decimal)Math.Round(value, 3, MidpointRounding.AwayFromZero));

    public static string Kwh(decimal value) => Math.Round(value, 3, MidpointRounding.AwayFromZero).ToString("0.000", CultureInfo.InvariantCulture);

    /// <summary>A counter as it is sent (3 decimals), so comparisons match what the registry compares.</summary>
    public static decimal Round(double kwh) => Math.Round((decimal)kwh, 3, MidpointRounding.AwayFromZero);

    public static decimal? Parse(string? kwh) => decimal.TryParse(kwh, NumberStyles.Number, CultureInfo.InvariantCulture, out var v) ? v : null;

    private static string Text(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
