using System.Globalization;
using SolarDashboard.Sandbox.Atess;
using SolarDashboard.Sandbox.Simulation;
using SolarDashboard.Testing;

namespace SolarDashboard.Tests.Sandbox.Redex;

/// <summary>The demo registry (accounts and registered inverters) and the admin read-back tests compare plants with.</summary>
public sealed class RedexAdminTests
{
    [Fact]
    public async Task The_demo_account_registers_fleet_inverters_with_their_serial_capacity_and_grid_connection_day()
    {
        var redex = await RedexCall.StartAsync();
        await using var _ = redex.Sandbox;
        var inverters = (await redex.AdminAsync("inverters")).AsArray().Select(i => i!.AsObject()).ToList();
        var fleet = redex.Sandbox.World.Fleet;
        var expected = fleet.Installer.PlantCodes.SelectMany(c => fleet.DevicesByPlant[c]).Where(d => DevType.IsInverter(d.TypeId)).Take(6).ToList();

        var fromFleet = inverters.Where(i => i["vendor"]!.GetValue<string>() == "FusionSolar").ToList();
        Assert.Equal([.. Enumerable.Range(1, 6).Select(n => $"STR1000000034000{n}")], fromFleet.Select(i => i["remoteInvId"]!.GetValue<string>()));
        Assert.Equal(expected.Select(d => d.Esn), fromFleet.Select(i => i["serialNumber"]!.GetValue<string>()));
        Assert.Equal(expected.Select(d => d.RatedKw), fromFleet.Select(i => i["capacityKw"]!.GetValue<double>()));
        var plant = fleet.PlantsByCode[expected[0].StationCode];
        Assert.Equal(plant.LocalDate(plant.GridConnection).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), fromFleet[0]["startDate"]!.GetValue<string>());

        var atess = inverters.Where(i => i["vendor"]!.GetValue<string>() == "ATESS").ToList();
        var atessFleet = redex.Sandbox.Service<AtessFleet>();
        var atessExpected = atessFleet.Inverters(atessFleet.Options.AccountId).Take(3).ToList();
        Assert.Equal([.. Enumerable.Range(1, 3).Select(n => $"STR1000000035000{n}")], atess.Select(i => i["remoteInvId"]!.GetValue<string>()));
        Assert.Equal(atessExpected.Select(d => d.Sn), atess.Select(i => i["serialNumber"]!.GetValue<string>()));
        Assert.Equal(atessExpected.Select(d => d.RatedKw), atess.Select(i => i["capacityKw"]!.GetValue<double>()));
        Assert.All(inverters, i => Assert.Equal(RedexCall.Client, i["clientId"]!.GetValue<string>()));

        var accounts = (await redex.AdminAsync("accounts")).AsArray();
        Assert.Equal([(RedexCall.Client, 10), (RedexCall.OtherClient, 0)],
            accounts.Select(a => (a!["clientId"]!.GetValue<string>(), a["inverters"]!.GetValue<int>())));
    }

    [Fact]
    public async Task More_fleet_inverters_can_be_registered_for_large_tests()
    {
        await using var sandbox = await SandboxHost.StartAsync(o => { o.Fleet.InstallerPlants = 30; o.Redex.FleetInverters = int.MaxValue; });
        var redex = new RedexCall(sandbox);
        var fleet = sandbox.World.Fleet;
        var all = fleet.Installer.PlantCodes.SelectMany(c => fleet.DevicesByPlant[c]).Count(d => DevType.IsInverter(d.TypeId));
        var inverters = (await redex.AdminAsync("inverters")).AsArray();
        Assert.Equal(all, inverters.Count(i => i!["vendor"]!.GetValue<string>() == "FusionSolar"));
        Assert.True(all > 30);
    }

    [Fact]
    public async Task Days_read_back_per_inverter_within_a_date_range_and_an_unknown_inverter_is_not_found()
    {
        var redex = await RedexCall.StartAsync();
        await using var _ = redex.Sandbox;
        var token = await redex.AccessTokenAsync();
        await redex.SendDataAsync(token, RedexCall.Body("STR10000000340001", RedexCall.Days(new DateOnly(2026, 5, 1), 31)));

        var may = (await redex.AdminAsync("inverters/STR10000000340001/days?from=2026-05-10&to=2026-05-12")).AsArray();
        Assert.Equal(["2026-05-10", "2026-05-11", "2026-05-12"], may.Select(d => d!["date"]!.GetValue<string>()));
        Assert.All(may, d => Assert.Equal("10.500", d!["current"]!["periodProductionInKWh"]!.GetValue<string>()));
        var total = (await redex.AdminAsync("inverters/STR10000000340001/days")).AsArray()
            .Sum(d => decimal.Parse(d!["current"]!["periodProductionInKWh"]!.GetValue<string>(), CultureInfo.InvariantCulture));
        Assert.Equal(31 * 10.5m, total);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await redex.Sandbox.Client.GetAsync(RedexCall.Admin + "inverters/STR0/days")).StatusCode);
    }
}
