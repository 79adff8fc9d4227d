using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SolarDashboard.Core.Connections;
using SolarDashboard.Core.Ingest;
using SolarDashboard.Core.Measures;
using SolarDashboard.Core.Plants;
using SolarDashboard.Core.Users;
using SolarDashboard.Testing;
using SolarDashboard.Vendors.Atess.Sync;

namespace SolarDashboard.Tests.Core;

/// <summary>
/// ATESS, the real second vendor: its sync against the sandbox fills the cache, and the HPS site is in the plant list
/// beside a FusionSolar plant, with its power, SOC and today's yield, and in the fleet totals; its energy flow takes each
/// part from the right devices. Only Core's queries are read, as pages read them.
/// </summary>
public sealed class AtessAsSecondVendorTests : IAsyncLifetime
{
    private SandboxHost _sandbox = null!;
    private SyncHarness _h = null!;
    private int _fusionSolarPlant;

    public async Task InitializeAsync()
    {
        _sandbox = await SandboxHost.StartAsync(); // 10:00 UTC: 13:00 in Nairobi
        _h = await SyncHarness.StartAsync(_sandbox);
        _h.Service<IOptions<AtessSyncOptions>>().Value.HistoryHorizon = TimeSpan.FromHours(2);
        var atess = await _h.AddAtessAsync();
        // A FusionSolar plant beside it, ingested as its sync does.
        int fusionSolar;
        await using (var db = await _h.DbAsync())
        {
            var connection = new VendorConnection { Name = "FusionSolar", Vendor = Vendor.FusionSolar, BaseUrl = "https://eu5.fusionsolar.huawei.com/", ProtectedSecret = "x", CreatedAt = _sandbox.Time.GetUtcNow() };
            db.Connections.Add(connection);
            await db.SaveChangesAsync();
            fusionSolar = connection.Id;
        }
        var now = _sandbox.Time.GetUtcNow();
        var (plants, _) = await _h.Writer.UpsertCatalogAsync(fusionSolar, [new PlantInfo("NE=1", "Berlin Home", null, null, null, 10, "Europe/Berlin", null, null)], null, now);
        _fusionSolarPlant = plants["NE=1"];
        await _h.Writer.WritePlantKpisAsync(new Dictionary<int, KpiSnapshot> { [_fusionSolarPlant] = new(now, new Dictionary<string, double?> { ["day_power"] = 10 }) }, now);

        await _h.RunForAsync(TimeSpan.FromMinutes(6), TimeSpan.FromMinutes(1), [atess]);
    }

    public async Task DisposeAsync()
    {
        await _h.DisposeAsync();
        await _sandbox.DisposeAsync();
    }

    /// <summary>A device's latest raw values as the cache holds them.</summary>
    private async Task<IReadOnlyDictionary<string, double?>> RawAsync(string vendorType)
    {
        await using var db = await _h.DbAsync();
        var id = await db.Devices.Where(d => d.VendorType == vendorType).Select(d => d.Id).SingleAsync();
        return (await _h.Queries.GetDeviceAsync(PlantScope.All, id))!.Values;
    }

    [Fact]
    public async Task The_hps_site_is_in_the_plant_list_with_power_soc_and_today_s_yield_and_in_the_totals()
    {
        var plants = await _h.Queries.ListPlantsAsync(PlantScope.All);

        var site = plants.Single(p => p.Name == "Nairobi Cold Store");
        var hps = await RawAsync("HPS150HV");
        var mbms = await RawAsync("MBMS");
        Assert.Equal(("ATESS", "Africa/Nairobi"), (site.Vendor, site.TimeZoneId));
        Assert.Equal(hps["ppv1"], site.CurrentPowerKw.Value); // an HV model's total PV
        Assert.True(site.CurrentPowerKw.Value > 10, "13:00 in Nairobi: the sun is up");
        Assert.Equal(mbms["capacity"], site.BatterySoc.Value); // the master BMS, not the racks nor the inverter
        Assert.Equal(hps["epvToday"], site.TodayYieldKwh.Value);
        Assert.True(site.TodayYieldKwh.Value > 0);
        Assert.Equal(Health.Healthy, site.Health);
        Assert.False(site.IsStale);

        // The fleet totals, as the plant list adds them up: the ATESS sites and the FusionSolar plant.
        var atess = plants.Where(p => p.Vendor == "ATESS").ToList();
        Assert.Equal(3, atess.Count);
        Assert.Equal(Math.Round(atess.Sum(p => p.TodayYieldKwh.Value ?? 0) + 10, 6), Math.Round(plants.Sum(p => p.TodayYieldKwh.Value ?? 0), 6));
        Assert.Contains(plants, p => p.Id == _fusionSolarPlant);
    }

    [Fact]
    public async Task Its_energy_flow_takes_the_battery_from_the_master_bms_and_grid_and_load_from_the_inverter()
    {
        await using var db = await _h.DbAsync();
        var id = await db.Plants.Where(p => p.Name == "Nairobi Cold Store").Select(p => p.Id).SingleAsync();
        var plant = await _h.Queries.GetPlantAsync(PlantScope.All, id);
        var hps = await RawAsync("HPS150HV");
        var mbms = await RawAsync("MBMS");

        Assert.Equal(0 - mbms["pac"], plant!.Flow.BatteryKw);
        Assert.Equal(hps["meterPower"], plant.Flow.GridKw);
        Assert.Equal(hps["loadActivePower"] + hps["nonCriticalLoad"], plant.Flow.LoadKw);
        Assert.Equal(["HybridInverter", "Battery", "BmsRack", "BmsRack", "BmsRack", "BmsRack", "Logger"], plant.Devices.Select(d => d.Role.ToString()));
        Assert.Equal("HPS150HV hybrid inverter", plant.Devices[0].TypeName);
        var curves = await _h.Queries.GetTodayCurvesAsync(PlantScope.All, id);
        Assert.NotEmpty(curves["PV"]);
        Assert.NotEmpty(curves["Battery"]);
    }

    [Fact]
    public async Task The_farm_adds_its_two_systems_pv_from_the_pbd_and_the_string_hps()
    {
        await using var db = await _h.DbAsync();
        var id = await db.Plants.Where(p => p.Name == "Riverland Farm").Select(p => p.Id).SingleAsync();
        var plant = await _h.Queries.GetPlantAsync(PlantScope.All, id);
        var pbd = await RawAsync("PBD250");
        var hps = await RawAsync("HPS50");
        var pcs = await RawAsync("PCS100");

        Assert.Equal(Math.Round((pbd["ppv"] + hps["ppv"])!.Value, 6), Math.Round(plant!.Flow.PvKw!.Value, 6));
        Assert.Equal(Math.Round((0 - pcs["pac"] - hps["pac"])!.Value, 6), Math.Round(plant.Flow.BatteryKw!.Value, 6)); // both batteries
    }
}
