using System.Globalization;
using System.Security.Claims;
using Bunit;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using SolarDashboard.Authentication;
using SolarDashboard.Components.Pages;
using SolarDashboard.Core;
using SolarDashboard.Core.Connections;
using SolarDashboard.Core.Data;
using SolarDashboard.Core.Ingest;
using SolarDashboard.Core.Measures;
using SolarDashboard.Core.Plants;
using SolarDashboard.Core.Queries;
using SolarDashboard.Core.RawValues;
using SolarDashboard.Core.Reports;
using SolarDashboard.Core.Sync;
using SolarDashboard.Core.Users;
using SolarDashboard.Hosting;
using SolarDashboard.Vendors;

namespace SolarDashboard.Tests.Core;

/// <summary>
/// A second vendor plugs in with no page change: a tiny vendor defined here only (a syncer, a measures mapping and a raw
/// catalogue, ATESS-like: a hybrid inverter known by its serial, two BMS racks) appears in the plant list, the fleet
/// totals, the energy flow, the charts and the device page, beside a FusionSolar plant, through Core's queries and the
/// real page components.
/// </summary>
public sealed class SecondVendorTests : IAsyncLifetime
{
    // Core keys vendors by an enum that stores its name, or its number when it has none: this vendor needs no production value.
    private static readonly Vendor Toy = (Vendor)100;

    // 13:00 in Nairobi (UTC+03:00), where the toy vendor's site is.
    private static readonly DateTimeOffset Now = new(2026, 6, 17, 10, 0, 0, TimeSpan.Zero);

    private readonly string _dir = Directory.CreateTempSubdirectory("sd-vendor-").FullName;
    private readonly BunitContext _ui = new();
    private int _toyPlant, _hybrid, _fusionSolarPlant;

    private T Get<T>() where T : notnull => _ui.Services.GetRequiredService<T>();

    public async Task InitializeAsync()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["SolarDashboard:DataDirectory"] = _dir }).Build();
        var services = _ui.Services;
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSolarDashboardCore(configuration, _dir);
        services.AddSolarDashboardVendors();
        services.Replace(ServiceDescriptor.Singleton<TimeProvider>(new FakeTimeProvider(Now)));
        // The whole second vendor: three registrations.
        services.AddSingleton<IConnectionSyncer, ToySyncer>();
        services.AddSingleton<IMeasureMapping, ToyMeasures>();
        services.AddSingleton<IRawValueCatalogue, ToyCatalogue>();
        // What the pages need around them: the app's components (MudBlazor), and a signed-in admin.
        services.AddSolarDashboardComponents();
        services.AddSingleton<AuthenticationStateProvider, SignedInAdmin>();
        services.AddSingleton<CurrentUser>();
        _ui.JSInterop.Mode = JSRuntimeMode.Loose;
        _ui.SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Static", isInteractive: false)); // as prerendered: no live updates, no chart drawing

        await ActivatorUtilities.CreateInstance<DatabaseMigrator>(_ui.Services).StartAsync(CancellationToken.None);
        await using var db = await Get<IDbContextFactory<SolarDbContext>>().CreateDbContextAsync();
        db.Users.Add(new AppUser { Id = 1, Issuer = "test", Subject = "admin", DisplayName = "Admin", Roles = AppRoles.Admin, CreatedAt = Now, LastSignInAt = Now });
        var toy = new VendorConnection { Name = "Toy cloud", Vendor = Toy, BaseUrl = "https://toy.invalid/", ProtectedSecret = "x", CreatedAt = Now };
        var fusionSolar = new VendorConnection { Name = "FusionSolar", Vendor = Vendor.FusionSolar, BaseUrl = "https://eu5.fusionsolar.huawei.com/", ProtectedSecret = "x", CreatedAt = Now };
        db.Connections.AddRange(toy, fusionSolar);
        await db.SaveChangesAsync();

        // The toy vendor's sync runs as Core runs any vendor's: found by the connection's vendor.
        await Get<IEnumerable<IConnectionSyncer>>().Single(s => s.Vendor == toy.Vendor).RunDueAsync(toy, CancellationToken.None);
        // A FusionSolar plant beside it, ingested as its sync does: raw FusionSolar values.
        var writer = Get<CacheWriter>();
        var (plants, devices) = await writer.UpsertCatalogAsync(fusionSolar.Id, [new PlantInfo("NE=1", "Berlin Home", null, null, null, 10, "+02:00", null, null)],
            [new DeviceInfo("NE=1", "1000000001200", "SN1", "Inverter-1", DeviceRole.Inverter, "38", null, null, null)], Now);
        _fusionSolarPlant = plants["NE=1"];
        await writer.WritePlantKpisAsync(new Dictionary<int, KpiSnapshot> { [_fusionSolarPlant] = new(Now, new Dictionary<string, double?> { ["day_power"] = 10, ["real_health_state"] = 3 }) }, Now);
        await writer.WriteDeviceKpisAsync(new Dictionary<int, KpiSnapshot> { [devices["1000000001200"]] = new(Now, new Dictionary<string, double?> { ["active_power"] = 3.5 }) }, Now);

        _toyPlant = await db.Plants.Where(p => p.ConnectionId == toy.Id).Select(p => p.Id).SingleAsync();
        _hybrid = await db.Devices.Where(d => d.VendorKey == "UMD0D23202").Select(d => d.Id).SingleAsync();
    }

    public async Task DisposeAsync()
    {
        await _ui.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, true);
    }

    [Fact]
    public async Task Its_plant_is_in_the_list_and_the_fleet_totals_with_its_vendor_s_values()
    {
        var plants = await Get<PlantQueries>().ListPlantsAsync(PlantScope.All);

        var toy = plants.Single(p => p.Id == _toyPlant);
        Assert.Equal(("Lake Naivasha Farm", "Toy", "Africa/Nairobi", 150.0), (toy.Name, toy.Vendor, toy.TimeZoneId, toy.CapacityKwp));
        Assert.Equal((42.5, 180.4, 71.0), (toy.CurrentPowerKw.Value, toy.TodayYieldKwh.Value, toy.BatterySoc.Value)); // SOC: the racks' mean, not the inverter's 75
        Assert.Equal(Health.Healthy, toy.Health);
        Assert.False(toy.IsStale);
        Assert.Equal(new AlarmCounts(0, 1, 0, 0), toy.Alarms);
        // The fleet totals, as the plant list adds them up: both vendors count.
        Assert.Equal((46.0, 190.4, 1), (Math.Round(plants.Sum(p => p.CurrentPowerKw.Value ?? 0), 6), Math.Round(plants.Sum(p => p.TodayYieldKwh.Value ?? 0), 6), plants.Sum(p => p.Alarms.Total)));
        Assert.Equal(1, (await Get<PlantQueries>().CountActiveAlarmsAsync(PlantScope.All)).Total);
    }

    [Fact]
    public async Task Its_energy_flow_takes_each_part_from_the_right_devices()
    {
        var plant = await Get<PlantQueries>().GetPlantAsync(PlantScope.All, _toyPlant);

        // Battery from the two racks (4.5 + 5.0 kW charging), not also from the hybrid inverter that reports the same energy.
        Assert.Equal(new EnergyFlow(42.5, 9.5, 3.2, 35.7, Now, false), plant!.Flow);
        Assert.Equal(250_000, plant.TotalYieldKwh.Value);
        Assert.Equal(["HPS150HV hybrid inverter", "BCU battery rack", "BCU battery rack"], plant.Devices.Select(d => d.TypeName));
        Assert.Equal([DeviceRole.HybridInverter, DeviceRole.BmsRack, DeviceRole.BmsRack], plant.Devices.Select(d => d.Role));
        Assert.Empty(plant.VendorValues); // this vendor reports nothing for the plant itself
    }

    [Fact]
    public async Task Its_curves_and_energy_reports_come_from_its_devices()
    {
        var queries = Get<PlantQueries>();

        var curves = await queries.GetTodayCurvesAsync(PlantScope.All, _toyPlant);
        Assert.Equal([40.0, 41.0, 42.5], curves["PV"].Select(p => p.Value));
        Assert.Equal([9.0, 9.2, 9.5], curves["Battery"].Select(p => p.Value)); // the racks' sums
        Assert.Equal([3.0, 3.1, 3.2], curves["Grid"].Select(p => p.Value));
        Assert.Equal(Now - TimeSpan.FromMinutes(10), curves["PV"][0].Time);

        var days = await queries.GetEnergyAsync(PlantScope.All, _toyPlant, ReportPeriod.Day, "2026-06-16", "2026-06-17");
        Assert.Equal(["2026-06-16", "2026-06-17"], days.Select(d => d.LocalStart));
        Assert.Equal((610.0, 40.0, 20.0, 550.0), (days[0].Energy[StandardMeasure.PvKwh], days[0].Energy[StandardMeasure.GridExportKwh],
            days[0].Energy[StandardMeasure.GridImportKwh], days[0].Energy[StandardMeasure.LoadKwh]));
        // Consumption it does not report is the balance: 180.4 + 20.3 − 12.1 + 30 − 50.
        Assert.Equal(168.6, days[1].Energy[StandardMeasure.LoadKwh]!.Value, 6);
    }

    [Fact]
    public async Task Its_device_page_data_is_every_raw_value_labelled_by_its_catalogue()
    {
        var device = await Get<PlantQueries>().GetDeviceAsync(PlantScope.All, _hybrid);

        Assert.Equal(("HPS-1", "HPS150HV", "HPS150HV hybrid inverter"), (device!.Device.Name, device.Device.VendorType, device.Device.TypeName));
        Assert.Equal(["PV", "Battery", "Grid", "Status", "Other"], device.Groups.Select(g => g.Name));
        var ppv = device.Groups.SelectMany(g => g.Values).Single(v => v.Key == "ppv");
        Assert.Equal(("PV Power", "kW", 42.5), (ppv.Label, ppv.Unit, ppv.Value));
        Assert.Equal("Running", device.Groups.Single(g => g.Name == "Status").Values.Single().StateText);
        Assert.Equal("mysteryKey", Assert.Single(device.Groups.Single(g => g.Name == "Other").Values).Label); // unknown keys as they came
        Assert.Equal("ppv", device.DefaultChart);
        Assert.Contains(device.Charts, c => c.Series == StandardMeasure.PvKw.SeriesName);
        Assert.Equal([40.0, 41.0, 42.5], (await Get<PlantQueries>().GetSeriesAsync(PlantScope.All, _hybrid, "ppv", Now.AddHours(-1), Now)).Select(p => p.Value));
    }

    [Fact]
    public async Task Its_month_s_self_consumption_and_self_sufficiency_come_from_its_daily_energy()
    {
        var days = await Get<PlantQueries>().GetEnergyAsync(PlantScope.All, _toyPlant, ReportPeriod.Day, "2026-06-01", "2026-06-30");
        var balance = EnergyBalance.Of(days);

        // PV 610 + 180.4; to grid 40 + 12.1; from grid 20 + 20.3; consumption 550 + the 17th's balance 168.6.
        Assert.Equal((790.4, 52.1, 40.3, 718.6), (Math.Round(balance.PvKwh!.Value, 6), Math.Round(balance.ToGridKwh!.Value, 6),
            Math.Round(balance.FromGridKwh!.Value, 6), Math.Round(balance.LoadKwh!.Value, 6)));
        Assert.Equal(100 * 738.3 / 790.4, balance.SelfConsumptionPercent!.Value, 6);
        Assert.Equal(100 * 678.3 / 718.6, balance.SelfSufficiencyPercent!.Value, 6);

        // The plant page shows the same for the month it is switched to.
        var page = _ui.Render<PlantPage>(p => p.Add(x => x.Id, _toyPlant));
        page.WaitForAssertion(() => page.Find("[data-testid=energy-ratios]"), TimeSpan.FromSeconds(10));
        page.FindAll("[data-testid=energy-chart] button").First(b => b.TextContent.Trim() == "Month").Click();
        page.WaitForAssertion(() => Assert.Equal("June 2026", page.Find("[data-testid=period-label]").TextContent.Trim()), TimeSpan.FromSeconds(10));
        var ratios = page.Find("[data-testid=energy-ratios]").TextContent;
        Assert.Contains("Self-consumption93 %", Squash(ratios));
        Assert.Contains("Self-sufficiency94 %", Squash(ratios));
    }

    private static string Squash(string text) => string.Join(" ", text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).Replace("Self-consumption ", "Self-consumption").Replace("Self-sufficiency ", "Self-sufficiency");

    [Fact]
    public void The_plant_page_shows_it_with_no_page_change()
    {
        var page = _ui.Render<PlantPage>(p => p.Add(x => x.Id, _toyPlant));

        page.WaitForAssertion(() => Assert.Contains("Lake Naivasha Farm", page.Find("h1").TextContent), TimeSpan.FromSeconds(10));
        Assert.Contains("42.5 kW", page.Find(".sd-kpi-row").TextContent);
        Assert.Contains("180.4 kWh", page.Find(".sd-kpi-row").TextContent);
        Assert.Contains("71 %", page.Find(".sd-kpi-row").TextContent);
        var battery = page.Find("[data-flow='battery']").TextContent;
        Assert.Contains("9.50 kW", battery);
        Assert.Contains("charging", battery);
        Assert.Contains("from grid", page.Find("[data-flow='grid']").TextContent);
        Assert.Contains("35.7 kW", page.Find("[data-flow='load']").TextContent);
        Assert.Contains("HPS150HV hybrid inverter", page.Markup);
    }

    [Fact]
    public void The_device_page_shows_its_raw_values_grouped_and_labelled()
    {
        var page = _ui.Render<DevicePage>(p => p.Add(x => x.Id, _hybrid));

        page.WaitForAssertion(() => Assert.Contains("HPS-1", page.Find("h1").TextContent), TimeSpan.FromSeconds(10));
        Assert.Equal("PV Power42.5 kW", page.Find("[data-group='PV'] [data-kpi='ppv']").TextContent);
        Assert.Equal("Running", page.Find("[data-kpi='status'] td").TextContent);
        Assert.Equal("7.00", page.Find("[data-group='Other'] [data-kpi='mysteryKey'] td").TextContent);
    }

    /// <summary>Every request is the seeded admin.</summary>
    private sealed class SignedInAdmin : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(
            new ClaimsPrincipal(new ClaimsIdentity([new Claim(UserClaims.UserId, "1")], "test"))));
    }

    /// <summary>The toy vendor's cloud, as its sync reads it: one site with a hybrid inverter and two BMS racks.</summary>
    private sealed class ToySyncer(CacheWriter writer, TimeProvider time) : IConnectionSyncer
    {
        public Vendor Vendor => Toy;

        public async Task RunDueAsync(VendorConnection connection, CancellationToken ct)
        {
            var now = time.GetUtcNow();
            var (plants, devices) = await writer.UpsertCatalogAsync(connection.Id,
                [new PlantInfo("site-7", "Lake Naivasha Farm", "Naivasha, Kenya", -0.72, 36.43, 150, "Africa/Nairobi", null, null)],
                [
                    new DeviceInfo("site-7", "UMD0D23202", "UMD0D23202", "HPS-1", DeviceRole.HybridInverter, "HPS150HV", "HPS150HV", "1.2", null),
                    new DeviceInfo("site-7", "BCU-1", null, "Rack 1", DeviceRole.BmsRack, "BCU", null, null, null),
                    new DeviceInfo("site-7", "BCU-2", null, "Rack 2", DeviceRole.BmsRack, "BCU", null, null, null),
                ], now, ct);
            var (hybrid, rack1, rack2) = (devices["UMD0D23202"], devices["BCU-1"], devices["BCU-2"]);
            // This vendor's battery power is positive when discharging, its meter positive when importing.
            await writer.WriteDeviceKpisAsync(new Dictionary<int, KpiSnapshot>
            {
                [hybrid] = new(now, new Dictionary<string, double?>
                {
                    ["ppv"] = 42.5, ["pac"] = -10, ["meterPower"] = 3.2, ["loadActivePower"] = 35.7, ["capacity"] = 75, ["status"] = 1, ["mysteryKey"] = 7,
                    ["epvToday"] = 180.4, ["etoGridToday"] = 12.1, ["egridToday"] = 20.3, ["echargeToday"] = 50, ["edischargeToday"] = 30, ["epvTotal"] = 250_000,
                }),
                [rack1] = new(now, new Dictionary<string, double?> { ["pac"] = -4.5, ["capacity"] = 70 }),
                [rack2] = new(now, new Dictionary<string, double?> { ["pac"] = -5.0, ["capacity"] = 72 }),
            }, now, ct);
            double[] pv = [40, 41, 42.5], meter = [3.0, 3.1, 3.2], rack = [-4.5, -4.6, -4.75];
            await writer.WriteHistoryAsync(Enumerable.Range(0, 3).SelectMany(i => new[]
            {
                (hybrid, new KpiSnapshot(now.AddMinutes(5 * i - 10), new Dictionary<string, double?> { ["ppv"] = pv[i], ["meterPower"] = meter[i], ["pac"] = -10 })),
                (rack1, new KpiSnapshot(now.AddMinutes(5 * i - 10), new Dictionary<string, double?> { ["pac"] = rack[i] })),
                (rack2, new KpiSnapshot(now.AddMinutes(5 * i - 10), new Dictionary<string, double?> { ["pac"] = rack[i] })),
            }), ct);
            var midnight = new DateTimeOffset(2026, 6, 17, 0, 0, 0, TimeSpan.FromHours(3));
            await writer.WriteReportsAsync(null, hybrid,
            [
                new ReportRow(ReportPeriod.Day, midnight.AddDays(-1), new Dictionary<string, double?> { ["epv"] = 610, ["etoGrid"] = 40, ["egrid"] = 20, ["eload"] = 550 }),
                new ReportRow(ReportPeriod.Day, midnight, new Dictionary<string, double?> { ["epv"] = 180.4, ["etoGrid"] = 12.1, ["egrid"] = 20.3, ["echarge"] = 50, ["edischarge"] = 30 }),
            ], now, ct);
            await writer.TrackAlarmsAsync(plants, [new ActiveAlarm("site-7", "UMD0D23202", "HPS-1", "HPS150HV", 501, null, "Fan fault", null, null, 2, null, now.AddHours(-1))], now, ct);
        }
    }

    /// <summary>The toy vendor's meaning of its values: written once, as each real vendor's is.</summary>
    private sealed class ToyMeasures : IMeasureMapping
    {
        public Vendor Vendor => Toy;

        public DeviceRole RoleOf(string vendorType) => vendorType == "BCU" ? DeviceRole.BmsRack : DeviceRole.HybridInverter;

        public StandardValues Device(string vendorType, IReadOnlyDictionary<string, double?> raw)
        {
            double? Get(string key) => raw.GetValueOrDefault(key);
            var values = new StandardValues().Set(StandardMeasure.BatteryKw, -Get("pac")).Set(StandardMeasure.Soc, Get("capacity"));
            if (vendorType == "BCU") return values;
            return values.Set(StandardMeasure.PvKw, Get("ppv")).Set(StandardMeasure.GridKw, Get("meterPower")).Set(StandardMeasure.LoadKw, Get("loadActivePower"))
                .Set(StandardMeasure.PvKwhToday, Get("epvToday")).Set(StandardMeasure.GridExportKwhToday, Get("etoGridToday"))
                .Set(StandardMeasure.GridImportKwhToday, Get("egridToday")).Set(StandardMeasure.ChargeKwhToday, Get("echargeToday"))
                .Set(StandardMeasure.DischargeKwhToday, Get("edischargeToday")).Set(StandardMeasure.PvKwhTotal, Get("epvTotal"))
                .Set(Get("status") == 1 ? Health.Healthy : Health.Unknown);
        }

        public StandardValues Plant(IReadOnlyDictionary<string, double?> raw) => StandardValues.Empty;

        public StandardValues DeviceReport(string vendorType, ReportPeriod period, IReadOnlyDictionary<string, double?> raw) => new StandardValues()
            .Set(StandardMeasure.PvKwh, raw.GetValueOrDefault("epv")).Set(StandardMeasure.GridExportKwh, raw.GetValueOrDefault("etoGrid"))
            .Set(StandardMeasure.GridImportKwh, raw.GetValueOrDefault("egrid")).Set(StandardMeasure.LoadKwh, raw.GetValueOrDefault("eload"))
            .Set(StandardMeasure.ChargeKwh, raw.GetValueOrDefault("echarge")).Set(StandardMeasure.DischargeKwh, raw.GetValueOrDefault("edischarge"));

        public StandardValues PlantReport(ReportPeriod period, IReadOnlyDictionary<string, double?> raw) => StandardValues.Empty;

        public IReadOnlyCollection<string> SeriesInputs(string vendorType) => ["ppv", "pac", "meterPower", "capacity"];

        public bool IsLifetimeCounter(string rawKey) => rawKey.EndsWith("Total", StringComparison.Ordinal);
    }

    /// <summary>The toy vendor's names for what it sends.</summary>
    private sealed class ToyCatalogue : IRawValueCatalogue
    {
        private static readonly Dictionary<string, RawValueInfo> Known = new()
        {
            ["ppv"] = new("ppv", "PV", "PV Power", "kW"),
            ["epvToday"] = new("epvToday", "PV", "Daily.PV Energy", "kWh"),
            ["epvTotal"] = new("epvTotal", "PV", "Total.PV Energy", "kWh"),
            ["pac"] = new("pac", "Battery", "Battery Power", "kW"),
            ["capacity"] = new("capacity", "Battery", "Battery SOC", "%"),
            ["echargeToday"] = new("echargeToday", "Battery", "D.BAT Charge", "kWh"),
            ["edischargeToday"] = new("edischargeToday", "Battery", "D.BAT Discharge", "kWh"),
            ["meterPower"] = new("meterPower", "Grid", "Meter P", "kW"),
            ["etoGridToday"] = new("etoGridToday", "Grid", "D.Export to Grid", "kWh"),
            ["egridToday"] = new("egridToday", "Grid", "D.Import from Grid", "kWh"),
            ["loadActivePower"] = new("loadActivePower", "Grid", "Load P", "kW"),
            ["status"] = new("status", "Status", "Status", "", RawValueKind.State),
        };

        public Vendor Vendor => Toy;
        public string VendorName => "Toy";
        public IReadOnlyList<string> GroupOrder { get; } = ["PV", "Battery", "Grid", "Status"];
        public IReadOnlyList<string> PreferredChartKeys { get; } = ["ppv"];
        public string DeviceTypeName(string vendorType) => vendorType == "BCU" ? "BCU battery rack" : $"{vendorType} hybrid inverter";
        public RawValueInfo Describe(string? vendorType, string key) => Known.GetValueOrDefault(key) ?? RawValueInfo.Unknown(key);
        public string StateText(string? vendorType, string key, double value) => value == 1 ? "Running" : value.ToString(CultureInfo.InvariantCulture);
    }
}
