using Microsoft.EntityFrameworkCore;
using SolarDashboard.Core.Connections;
using SolarDashboard.Core.Ingest;
using SolarDashboard.Core.Plants;
using SolarDashboard.Core.Redex;
using SolarDashboard.Core.Reports;
using RedexDirectory = SolarDashboard.Sandbox.Redex.RedexDirectory;
using RedexInverter = SolarDashboard.Sandbox.Redex.RedexInverter;
using RedexRateLimiter = SolarDashboard.Sandbox.Redex.RedexRateLimiter;
using RedexTrafficSnapshot = SolarDashboard.Sandbox.Redex.RedexTrafficSnapshot;
using RegistryLedger = SolarDashboard.Sandbox.Redex.RedexLedger;

namespace SolarDashboard.Testing;

/// <summary>
/// The REDEX export as the app wires it (<see cref="SyncHarness"/>: SQLite, the app's AddXxx() methods) against the
/// in-memory REDEX sandbox on its manual clock. Inverters get a cache of daily production as their vendor's sync writes
/// it (raw day reports through the vendor's mapping), so FusionSolar and ATESS devices go through the same code.
/// </summary>
public sealed class RedexExportHarness : IAsyncDisposable
{
    public static readonly Uri Base = new("http://localhost/sandbox/redex/");
    public const string ClientId = "demo-redex-client";

    private readonly Dictionary<Vendor, int> _connections = [];

    private RedexExportHarness(SandboxHost sandbox, SyncHarness sync)
    {
        Sandbox = sandbox;
        Sync = sync;
    }

    public SandboxHost Sandbox { get; }
    public SyncHarness Sync { get; }
    public int AccountId { get; private set; }
    public RedexLedger Ledger => Sync.Service<RedexLedger>();
    public RedexExporter Exporter => Sync.Service<RedexExporter>();
    public RegistryLedger Registry => Sandbox.Service<RegistryLedger>();
    public RedexTrafficSnapshot Traffic => Sandbox.Service<RedexRateLimiter>().Snapshot(ClientId);
    public RedexInverter RegisteredAtRedex(string remoteInvId) => Sandbox.Service<RedexDirectory>().Inverter(remoteInvId)!;

    public static async Task<RedexExportHarness> StartAsync(int fleetInverters = 6, DateTimeOffset? start = null, Action<SolarDashboard.Sandbox.SandboxOptions>? configure = null)
    {
        var sandbox = await SandboxHost.StartAsync(o =>
        {
            o.Redex.FleetInverters = fleetInverters;
            configure?.Invoke(o);
        }, start);
        var harness = new RedexExportHarness(sandbox, await SyncHarness.StartAsync(sandbox));
        var (saved, message) = await harness.Ledger.AddAccountAsync("Demo REDEX", Base.AbsolutePath, "demo-redex-key", ClientId, "demo-redex-secret"); // a path: the in-process sandbox, as in demo mode
        if (!saved) throw new InvalidOperationException(message);
        await using var db = await harness.Sync.DbAsync();
        harness.AccountId = await db.RedexAccounts.Select(a => a.Id).SingleAsync();
        return harness;
    }

    /// <summary>The inverter's lifetime PV yield before the first day the harness writes: it ran before it was registered.</summary>
    public const double OpeningKwh = 1000;

    /// <summary>
    /// A plant with one inverter of <paramref name="vendor"/> (FusionSolar string inverter in Berlin, ATESS HPS in Nairobi)
    /// whose cache holds, for each day from <paramref name="from"/> to <paramref name="to"/> where <paramref name="kwh"/>
    /// gives a value, a day report and the lifetime counter at the day's closing midnight (<paramref name="lifetime"/>, or
    /// <see cref="OpeningKwh"/> plus every day's production so far); registered at REDEX as <paramref name="remoteInvId"/>
    /// from <paramref name="from"/>.
    /// </summary>
    public async Task<(int RegistrationId, int DeviceId)> AddInverterAsync(string remoteInvId, Vendor vendor, DateOnly from, DateOnly to, Func<DateOnly, double?> kwh,
        Func<DateOnly, double?>? lifetime = null)
    {
        var connection = await ConnectionAsync(vendor);
        var now = Sandbox.Time.GetUtcNow();
        var (zone, type) = vendor == Vendor.Atess ? ("Africa/Nairobi", "HPS150HV") : ("Europe/Berlin", "1");
        var (_, devices) = await Sync.Writer.UpsertCatalogAsync(connection,
            [new PlantInfo("P-" + remoteInvId, "Plant " + remoteInvId, null, null, null, RegisteredAtRedex(remoteInvId).CapacityKw, zone, null, null)],
            [new DeviceInfo("P-" + remoteInvId, "D-" + remoteInvId, "SN-" + remoteInvId, "Inverter " + remoteInvId,
                vendor == Vendor.Atess ? DeviceRole.HybridInverter : DeviceRole.Inverter, type, null, null, null)], now);
        var deviceId = devices["D-" + remoteInvId];
        var total = OpeningKwh;
        var days = new List<(DateOnly Day, double? Kwh, double? Lifetime)>();
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            var value = kwh(day);
            total += value ?? 0;
            if (value is not null) days.Add((day, value, lifetime is null ? total : lifetime(day)));
        }
        await WriteDaysAsync(deviceId, days);
        var (saved, message) = await Ledger.RegisterAsync(AccountId, deviceId, remoteInvId, from);
        if (!saved) throw new InvalidOperationException(message);
        await using var db = await Sync.DbAsync();
        return (await db.RedexRegistrations.Where(r => r.DeviceId == deviceId).Select(r => r.Id).SingleAsync(), deviceId);
    }

    /// <summary>A day report and, when given, the lifetime counter at the day's end, as the device's vendor sync writes them (a backfill, when written late).</summary>
    public Task WriteDayAsync(int deviceId, DateOnly day, double kwh, double? lifetime = null) => WriteDaysAsync(deviceId, [(day, kwh, lifetime)]);

    /// <summary>
    /// Day reports (the vendor's day energy key) and lifetime counters (its raw counter key, <c>total_cap</c> or <c>epvTotal</c>,
    /// in the sample of the day's last 5-minute interval, which ends at its closing midnight), through the vendor's mapping
    /// as the sync stores them.
    /// </summary>
    public async Task WriteDaysAsync(int deviceId, IReadOnlyList<(DateOnly Day, double? Kwh, double? Lifetime)> days)
    {
        if (days.Count == 0) return;
        string zone, type;
        await using (var db = await Sync.DbAsync())
        {
            var row = await (from d in db.Devices join p in db.Plants on d.PlantId equals p.Id where d.Id == deviceId select new { p.TimeZoneId, d.VendorType }).SingleAsync();
            (zone, type) = (row.TimeZoneId, row.VendorType);
        }
        var (dayKey, counterKey) = type == "1" ? ("product_power", "total_cap") : ("epvToday", "epvTotal");
        var rows = days.Where(d => d.Kwh is not null).Select(d => new ReportRow(ReportPeriod.Day, PlantTime.ToUtc(zone, d.Day.ToDateTime(TimeOnly.MinValue)),
            new Dictionary<string, double?> { [dayKey] = d.Kwh })).ToList();
        if (rows.Count > 0) await Sync.Writer.WriteReportsAsync(null, deviceId, rows, Sandbox.Time.GetUtcNow());
        await Sync.Writer.WriteHistoryAsync(days.Where(d => d.Lifetime is not null).Select(d => (deviceId,
            LastInterval(zone, d.Day, new Dictionary<string, double?> { [counterKey] = d.Lifetime }))).ToList());
    }

    /// <summary>A sample of a day's last 5-minute interval, stamped at its start as the syncs stamp them.</summary>
    private static KpiSnapshot LastInterval(string zone, DateOnly day, IReadOnlyDictionary<string, double?> values)
    {
        var end = PlantTime.ToUtc(zone, day.AddDays(1).ToDateTime(TimeOnly.MinValue));
        return new KpiSnapshot(end, values, end - TimeSpan.FromMinutes(5));
    }

    /// <summary>Export rounds one <paramref name="step"/> apart on the simulated clock.</summary>
    public async Task RunAsync(int rounds, TimeSpan? step = null)
    {
        for (var i = 0; i < rounds; i++)
        {
            await Exporter.RunOnceAsync();
            Sandbox.Time.Advance(step ?? TimeSpan.FromMinutes(1));
        }
    }

    public async Task<List<RedexExportDay>> LedgerDaysAsync(int registrationId)
    {
        await using var db = await Sync.DbAsync();
        return await db.RedexExportDays.AsNoTracking().Where(x => x.RegistrationId == registrationId).OrderBy(x => x.Day).ThenBy(x => x.Version).ToListAsync();
    }

    public Task SetQuirksAsync(string json) => Sandbox.Client.PutAsync("/sandbox/admin/redex/quirks", SandboxHost.Json(json)).ContinueWith(t => t.Result.EnsureSuccessStatusCode());

    private async Task<int> ConnectionAsync(Vendor vendor)
    {
        if (_connections.TryGetValue(vendor, out var id)) return id;
        await using var db = await Sync.DbAsync();
        var c = new VendorConnection { Name = vendor.ToString(), Vendor = vendor, BaseUrl = "https://example.invalid/", ProtectedSecret = "x", CreatedAt = Sandbox.Time.GetUtcNow() };
        db.Connections.Add(c);
        await db.SaveChangesAsync();
        return _connections[vendor] = c.Id;
    }

    public async ValueTask DisposeAsync()
    {
        await Sync.DisposeAsync();
        await Sandbox.DisposeAsync();
    }
}
