using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SolarDashboard.Core.Data;
using SolarDashboard.Core.Ingest;
using SolarDashboard.Core.Plants;
using SolarDashboard.Core.RawValues;
using SolarDashboard.Core.Security;
using SolarDashboard.Core.TimeSeries;

namespace SolarDashboard.Core.Redex;

/// <summary>
/// What the registry page reads and does: accounts, registered inverters, each one's days and monthly totals, the sent
/// records as CSV rows, and a person's decisions (retry a failed day, correct a day, settle an unknown one). A decision
/// adds a version of the day and keeps the earlier ones.
/// </summary>
public sealed class RedexLedger(IDbContextFactory<SolarDbContext> dbFactory, SeriesStore series, IGenerationRegistry registry, SecretProtector secrets,
    RawValueCatalogues catalogues, TimeProvider time, CacheNotifier notifier, OutboundAddressPolicy addresses, IAppAddress appAddress)
{
    /// <summary>
    /// The one text for every failure to reach a typed address (refused, timed out, not REDEX): different texts would let
    /// the form probe which ports answer on the server's network.
    /// </summary>
    public const string NotReached = "REDEX could not be reached at this address, or what answered there is not REDEX. Nothing was saved.";

    // ---- Accounts and registrations (Admin) ----

    public async Task<IReadOnlyList<RedexAccountView>> AccountsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.RedexAccounts.AsNoTracking().OrderBy(a => a.Name).Select(a => new RedexAccountView(a.Id, a.Name, a.BaseUrl, a.ClientId)).ToListAsync(ct);
    }

    /// <summary>
    /// Saves an account after a token call with its credentials succeeded; the message says why not otherwise. The address
    /// obeys the outbound address rules (the documented host, or one the configuration allows; a path only in demo mode).
    /// </summary>
    public async Task<(bool Saved, string Message)> AddAccountAsync(string name, string typedBaseUrl, string apiKey, string clientId, string clientSecret, CancellationToken ct = default)
    {
        if (addresses.Problem(typedBaseUrl, registry.DocumentedHosts) is { } refused) return (false, refused + " Nothing was saved.");
        var trimmed = typedBaseUrl.Trim();
        var baseUrl = appAddress.Resolve(trimmed.EndsWith('/') ? trimmed : trimmed + "/");
        RegistryTokens tokens;
        try { tokens = await registry.TokenAsync(new RegistryCredentials(baseUrl, apiKey, clientId, clientSecret), ct); }
        // Only REDEX's own refusal is told apart: anything else that answered reads like no answer (no probing by address).
        catch (RegistryException ex) when (ex.InEnvelope && ex.Kind is RegistryErrorKind.Unauthorized or RegistryErrorKind.Forbidden)
        {
            return (false, $"REDEX refused these credentials: {ex.Describe()} Nothing was saved.");
        }
        catch (RegistryException) { return (false, NotReached); }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.RedexAccounts.Add(new RedexAccount
        {
            Name = name.Trim(), BaseUrl = baseUrl.AbsoluteUri, ClientId = clientId.Trim(), ProtectedApiKey = secrets.Protect(apiKey),
            ProtectedClientSecret = secrets.Protect(clientSecret), ProtectedTokens = secrets.Protect(System.Text.Json.JsonSerializer.Serialize(tokens)),
            CreatedAt = time.GetUtcNow(),
        });
        await db.SaveChangesAsync(ct);
        return (true, $"REDEX account {name.Trim()} saved.");
    }

    public async Task<(bool Saved, string Message)> RegisterAsync(int accountId, int deviceId, string remoteInvId, DateOnly startDate,
        double? capacityKw = null, CancellationToken ct = default)
    {
        remoteInvId = remoteInvId.Trim();
        if (remoteInvId.Length is 0 or > 60) return (false, "RemoteInvId is required (at most 60 characters).");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.RedexAccounts.AnyAsync(a => a.Id == accountId, ct)) return (false, "Choose a REDEX account.");
        if (!await db.Devices.AnyAsync(d => d.Id == deviceId, ct)) return (false, "Choose a device.");
        if (await db.RedexRegistrations.AnyAsync(r => r.DeviceId == deviceId, ct)) return (false, "This device is registered already.");
        if (await db.RedexRegistrations.AnyAsync(r => r.AccountId == accountId && r.RemoteInvId == remoteInvId, ct))
            return (false, $"{remoteInvId} is registered to another device already.");
        db.RedexRegistrations.Add(new RedexRegistration
        {
            AccountId = accountId, DeviceId = deviceId, RemoteInvId = remoteInvId, StartDate = startDate, CapacityKw = capacityKw,
            CreatedAt = time.GetUtcNow(),
        });
        await db.SaveChangesAsync(ct);
        notifier.Changed();
        return (true, $"{remoteInvId} registered from {startDate:yyyy-MM-dd}.");
    }

    /// <summary>Inverters of any vendor that are not registered yet.</summary>
    public async Task<IReadOnlyList<RegistryDeviceOption>> DeviceOptionsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var registered = db.RedexRegistrations.Select(r => r.DeviceId);
        var rows = await (from d in db.Devices
                          join p in db.Plants on d.PlantId equals p.Id
                          where (d.Role == DeviceRole.Inverter || d.Role == DeviceRole.HybridInverter) && !registered.Contains(d.Id)
                          orderby p.Name, d.Name
                          select new { d.Id, Plant = p.Name, d.Name, d.SerialNumber }).ToListAsync(ct);
        return rows.Select(r => new RegistryDeviceOption(r.Id, $"{r.Plant} · {r.Name}{(r.SerialNumber is null ? "" : $" ({r.SerialNumber})")}")).ToList();
    }

    // ---- What the page shows ----

    public async Task<IReadOnlyList<RegistryInverterView>> InvertersAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await (from r in db.RedexRegistrations
                          join d in db.Devices on r.DeviceId equals d.Id
                          join p in db.Plants on d.PlantId equals p.Id
                          join c in db.Connections on p.ConnectionId equals c.Id
                          orderby p.Name, r.RemoteInvId
                          select new { r.Id, PlantId = p.Id, Plant = p.Name, c.Vendor, Device = d.Name, r.RemoteInvId, r.StartDate, p.TimeZoneId }).ToListAsync(ct);
        var counts = (await db.RedexExportDays.Where(x => x.IsCurrent).GroupBy(x => new { x.RegistrationId, x.State })
                .Select(g => new { g.Key.RegistrationId, g.Key.State, Count = g.Count() }).ToListAsync(ct))
            .ToLookup(x => x.RegistrationId);
        return rows.Select(r => new RegistryInverterView(r.Id, r.PlantId, r.Plant, catalogues.For(r.Vendor).VendorName, r.Device, r.RemoteInvId, r.StartDate,
            r.TimeZoneId, counts[r.Id].ToDictionary(c => c.State, c => c.Count))).ToList();
    }

    /// <summary>The current version of each day of one plant-local month.</summary>
    public async Task<IReadOnlyList<RegistryDayView>> DaysAsync(int registrationId, int year, int month, CancellationToken ct = default)
    {
        var from = new DateOnly(year, month, 1);
        var to = from.AddMonths(1);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.RedexExportDays.AsNoTracking()
            .Where(x => x.RegistrationId == registrationId && x.IsCurrent && x.Day >= from && x.Day < to).OrderBy(x => x.Day)
            .Select(x => new RegistryDayView(x.Id, x.Day, x.Version, x.State, x.PeriodKwh, x.AccumulatedKwh, x.HeldReason ?? x.RegistryMessage, x.SentAt, x.ProcessId))
            .ToListAsync(ct);
    }

    /// <summary>Every version of one day, oldest first (what a correction keeps).</summary>
    public async Task<IReadOnlyList<RegistryDayView>> VersionsAsync(int registrationId, DateOnly day, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.RedexExportDays.AsNoTracking().Where(x => x.RegistrationId == registrationId && x.Day == day).OrderBy(x => x.Version)
            .Select(x => new RegistryDayView(x.Id, x.Day, x.Version, x.State, x.PeriodKwh, x.AccumulatedKwh, x.HeldReason ?? x.RegistryMessage, x.SentAt, x.ProcessId))
            .ToListAsync(ct);
    }

    public async Task<IReadOnlyList<RegistryMonthTotal>> MonthTotalsAsync(int registrationId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var sent = await db.RedexExportDays.AsNoTracking()
            .Where(x => x.RegistrationId == registrationId && x.IsCurrent && x.SentAt != null)
            .Select(x => new { x.Day, x.PeriodKwh, x.State }).ToListAsync(ct);
        return sent.GroupBy(x => (x.Day.Year, x.Day.Month)).OrderByDescending(g => g.Key)
            .Select(g => new RegistryMonthTotal(g.Key.Year, g.Key.Month, g.Sum(x => RedexExporter.Parse(x.PeriodKwh) ?? 0), g.Count(), g.Count(x => x.State == ExportState.Success)))
            .ToList();
    }

    /// <summary>Every version ever sent, as sent: RemoteInvId, the record's three texts, and what became of it.</summary>
    public async Task<IReadOnlyList<IReadOnlyList<object?>>> SentRowsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await (from x in db.RedexExportDays
                          join r in db.RedexRegistrations on x.RegistrationId equals r.Id
                          where x.SentAt != null
                          orderby r.RemoteInvId, x.Day, x.Version
                          select new { r.RemoteInvId, x.Day, x.PeriodKwh, x.AccumulatedKwh, x.Version, x.SentAt, x.ProcessId, x.State }).ToListAsync(ct);
        return rows.Select(x => (IReadOnlyList<object?>)[x.RemoteInvId, x.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), x.PeriodKwh, x.AccumulatedKwh,
            "Daily", x.Version, x.SentAt!.Value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), x.ProcessId, x.State.ToString()]).ToList();
    }

    public static readonly IReadOnlyList<string> SentHeader =
        ["RemoteInvId", "Timestamp", "PeriodProductionInKWh", "AccumulatedPowerInKWh", "FrequencyType", "Version", "SentAtUtc", "ProcessId", "Status"];

    // ---- A person's decisions ----

    /// <summary>
    /// Sends a Failed or Unknown day again (as the next version, same values): for an Unknown day, the person says the
    /// registry did not get it.
    /// </summary>
    public Task<(bool Done, string Message)> RetryAsync(int dayId, string by, CancellationToken ct = default) =>
        NewVersionAsync(dayId, by, [ExportState.Failed, ExportState.Unknown], recompute: false, ct);

    /// <summary>
    /// Sends a day again with the cache's current value (after a backfill, say): the next version goes as a correction, the
    /// earlier ones are kept. The accumulated value is the lifetime counter at the day's end as the cache has it now; days
    /// after it keep theirs. Correcting the day before a held "counter went down" day lets that one go once it no longer is.
    /// </summary>
    public Task<(bool Done, string Message)> CorrectAsync(int dayId, string by, CancellationToken ct = default) =>
        NewVersionAsync(dayId, by, [ExportState.Success, ExportState.Failed, ExportState.Unknown], recompute: true, ct);

    /// <summary>An Unknown day the person found at the registry: it counts as sent and succeeded, and is not sent again.</summary>
    public async Task<(bool Done, string Message)> ConfirmReceivedAsync(int dayId, string by, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var day = await db.RedexExportDays.SingleOrDefaultAsync(x => x.Id == dayId && x.IsCurrent, ct);
        if (day is not { State: ExportState.Unknown }) return (false, "Only an unknown day can be confirmed.");
        (day.State, day.RegistryMessage, day.RequestedBy, day.UpdatedAt) = (ExportState.Success, $"Confirmed at the registry by {by}.", by, time.GetUtcNow());
        await db.SaveChangesAsync(ct);
        notifier.Changed();
        return (true, $"{day.Day:yyyy-MM-dd} confirmed.");
    }

    private async Task<(bool Done, string Message)> NewVersionAsync(int dayId, string by, ExportState[] from, bool recompute, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var day = await db.RedexExportDays.SingleOrDefaultAsync(x => x.Id == dayId && x.IsCurrent, ct);
        if (day is null || !from.Contains(day.State)) return (false, "This day cannot be sent again now.");
        var (period, accumulated) = (day.PeriodKwh, day.AccumulatedKwh);
        if (recompute)
        {
            var (fresh, counter) = await CachedAsync(db, day.RegistrationId, day.Day, ct);
            if (fresh is null) return (false, "The cache has no daily production for this day.");
            if (counter is null) return (false, "The cache has no lifetime PV yield counter at the end of this day.");
            (period, accumulated) = (RedexExporter.Kwh(fresh.Value), RedexExporter.Kwh(counter.Value));
        }
        day.IsCurrent = false;
        await db.SaveChangesAsync(ct); // the filtered unique index takes one current version per day
        db.RedexExportDays.Add(new RedexExportDay
        {
            RegistrationId = day.RegistrationId, Day = day.Day, Version = day.Version + 1, IsCurrent = true, State = ExportState.Pending,
            PeriodKwh = period, AccumulatedKwh = accumulated, RequestedBy = by, UpdatedAt = time.GetUtcNow(),
        });
        await db.SaveChangesAsync(ct);
        notifier.Changed();
        return (true, $"{day.Day:yyyy-MM-dd} goes again as version {day.Version + 1}.");
    }

    /// <summary>The day's production and the lifetime counter at its end, as the cache has them now.</summary>
    private async Task<(double? Kwh, double? Counter)> CachedAsync(SolarDbContext db, int registrationId, DateOnly day, CancellationToken ct)
    {
        var device = await (from r in db.RedexRegistrations
                            join d in db.Devices on r.DeviceId equals d.Id
                            join p in db.Plants on d.PlantId equals p.Id
                            where r.Id == registrationId
                            select new { r.DeviceId, p.TimeZoneId }).SingleAsync(ct);
        var text = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var json = await db.Reports.Where(r => r.DeviceId == device.DeviceId && r.Period == Reports.ReportPeriod.Day && r.LocalStart == text).Select(r => r.StandardJson).FirstOrDefaultAsync(ct);
        var counters = await DayEndCounters.ReadAsync(series, device.DeviceId, device.TimeZoneId, day, day, ct);
        return (Measures.StandardValues.Parse(json)[Measures.StandardMeasure.PvKwh], counters.TryGetValue(day, out var c) ? c : null);
    }
}
