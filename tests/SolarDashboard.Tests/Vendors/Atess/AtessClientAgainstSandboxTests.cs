using Microsoft.Extensions.Logging.Abstractions;
using SolarDashboard.Sandbox;
using SolarDashboard.Tests.Sandbox.Atess;
using SolarDashboard.Testing;
using SolarDashboard.Vendors;
using SolarDashboard.Vendors.Atess;
using SolarDashboard.Vendors.Atess.Wire;

namespace SolarDashboard.Tests.Vendors.Atess;

/// <summary>The typed ATESS client against the sandbox, over HTTP in memory: every endpoint of the menu, each failure, paging and the limit.</summary>
public sealed class AtessClientAgainstSandboxTests
{
    private static readonly Uri BaseUrl = new("http://localhost" + SandboxHost.Atess + "/");

    private static AtessClient Client(SandboxHost sandbox, string account = SandboxHost.AtessAccount, string key = SandboxHost.AtessKey, List<AtessCallRecord>? calls = null) =>
        new(new VendorHttp(sandbox.CreateClientCache()), BaseUrl, account, () => key, NullLogger.Instance, sandbox.Time, onCall: c => calls?.Add(c));

    private static Task<SandboxHost> RelaxedAsync(Action<SandboxOptions>? more = null) =>
        SandboxHost.StartAsync(o => { o.FlowControl = FlowControlMode.Relaxed; more?.Invoke(o); });

    private static async Task<AtessError> FailsAsync(Func<Task> call) => (await Assert.ThrowsAsync<AtessException>(call)).Error;

    private static readonly (AtessFamily Family, string Kit, string Fleet)[] Devices =
    [
        (AtessFamily.HpsCentral, AtessFleetView.Commercial, "HpsCentral"), (AtessFamily.Mbms, AtessFleetView.Commercial, "Mbms"),
        (AtessFamily.Bcu, AtessFleetView.Commercial, "Bcu"), (AtessFamily.Pcs, AtessFleetView.Farm, "Pcs"),
        (AtessFamily.Pbd, AtessFleetView.Farm, "Pbd"), (AtessFamily.HpsString, AtessFleetView.Farm, "HpsString"),
    ];

    [Fact]
    public async Task Reads_every_plant_datalog_and_device_endpoint_of_the_demo_fleet()
    {
        await using var sandbox = await RelaxedAsync();
        var fleet = await AtessFleetView.LoadAsync(sandbox);
        var calls = new List<AtessCallRecord>();
        var client = Client(sandbox, calls: calls);

        var plants = await client.ListPlantsAsync();
        Assert.Equal(["Nairobi Cold Store", "Quezon City Clinic", "Riverland Farm"], plants.Items.Select(p => p.PlantName).Order());
        Assert.Equal((3L, false), (plants.Total, plants.HasMore));
        var nairobi = await client.GetPlantAsync(fleet.Plant(AtessFleetView.Commercial));
        Assert.Equal(("Nairobi Cold Store", "Africa/Nairobi"), (nairobi.PlantName, nairobi.TimeZone));
        var logs = await client.ListDataLogsAsync(nairobi.PlantId);
        var log = Assert.Single(logs);
        Assert.Equal((fleet.DataLog(AtessFleetView.Commercial), false), (log.DataLogSn, log.Lost));
        Assert.Equal(log.DataLogSn, (await client.GetDataLogAsync(log.DataLogSn)).DataLogSn);

        foreach (var (family, kit, name) in Devices)
        {
            var sn = fleet.Device(kit, name);
            var listed = await client.ListBaseInfoAsync(family, fleet.DataLog(kit));
            Assert.Equal(fleet.Devices(kit, name).Order(), listed.Select(d => d.DeviceSn).Order());
            Assert.Equal(sn, (await client.GetBaseInfoAsync(family, sn)).DeviceSn);
            var latest = await client.GetLatestAsync(family, sn);
            Assert.Equal(sn, latest!.DeviceSn);
            Assert.NotNull(latest.Values["capacity"]);
            var now = sandbox.Time.GetUtcNow();
            var zone = name is "HpsCentral" or "Mbms" or "Bcu" ? "Africa/Nairobi" : "Australia/Adelaide";
            var history = await client.GetHistoryAsync(family, sn, Local(zone, now.AddHours(-1)), Local(zone, now));
            Assert.InRange(history.Items.Count, 11, 13);
            Assert.NotEmpty((await client.GetSettingsAsync(family, sn)).Values);
        }
        Assert.Equal("HPS150HV", (await client.GetBaseInfoAsync(AtessFamily.HpsCentral, fleet.Device(AtessFleetView.Commercial, "HpsCentral"))).Model);
        Assert.All(calls, c => Assert.True(c.Succeeded));
    }

    private static DateTime Local(string zone, DateTimeOffset utc) => TimeZoneInfo.ConvertTime(utc, TimeZoneInfo.FindSystemTimeZoneById(zone)).DateTime;

    [Fact]
    public async Task Onboards_a_plant_and_a_datalog_then_modifies_and_deletes_them()
    {
        await using var sandbox = await RelaxedAsync();
        var fleet = await AtessFleetView.LoadAsync(sandbox);
        var client = Client(sandbox, "other-atess", "other-atess-key");

        var plant = await client.AddPlantAsync(new AtessPlantInput("Mombasa Hotel", "Africa/Nairobi", "Kenya", "Mombasa", "Beach Road 1", -4.04, 39.67, 120,
            new DateOnly(2026, 6, 17)));
        Assert.Equal(("Mombasa Hotel", 120.0, "2026-06-17"), (plant.PlantName, plant.Capacity, plant.InstallDate));
        var renamed = await client.ModifyPlantAsync(plant.PlantId, new AtessPlantInput(PlantName: "Mombasa Beach Hotel"));
        Assert.Equal(("Mombasa Beach Hotel", "Mombasa"), (renamed.PlantName, renamed.City));

        var spare = fleet.Spare(AtessFleetView.SpareCommercial);
        var log = await client.AddDataLogAsync(plant.PlantId, spare);
        Assert.Equal((spare, plant.PlantId, 4), (log.DataLogSn, log.PlantId, log.DeviceCount));
        Assert.Equal(2, (await client.ListBaseInfoAsync(AtessFamily.Bcu, spare)).Count); // the BCUs appear
        Assert.Equal(AtessErrorKind.Rejected, (await FailsAsync(() => client.AddDataLogAsync(plant.PlantId, spare))).Kind); // added once only

        await client.DeleteDataLogAsync(spare);
        Assert.Equal(AtessErrorKind.NotFound, (await FailsAsync(() => client.GetDataLogAsync(spare))).Kind);
        await client.DeletePlantAsync(plant.PlantId);
        Assert.Equal(AtessErrorKind.NotFound, (await FailsAsync(() => client.GetPlantAsync(plant.PlantId))).Kind);
    }

    [Fact]
    public async Task Modifies_a_setting_and_reads_it_back_and_a_refused_change_applies_nothing()
    {
        await using var sandbox = await RelaxedAsync();
        var fleet = await AtessFleetView.LoadAsync(sandbox);
        var client = Client(sandbox);
        var hps = fleet.Device(AtessFleetView.Commercial, "HpsCentral");

        var answer = await client.ModifySettingsAsync(AtessFamily.HpsCentral, hps, new Dictionary<string, double> { ["genStartSoc"] = 25, ["genStopSoc"] = 85 });
        Assert.Equal((25.0, 85.0), (answer.Values["genStartSoc"], answer.Values["genStopSoc"]));
        Assert.Equal(25, (await client.GetSettingsAsync(AtessFamily.HpsCentral, hps)).Values["genStartSoc"]);

        var refused = await FailsAsync(() => client.ModifySettingsAsync(AtessFamily.HpsCentral, hps, new Dictionary<string, double> { ["genStartSoc"] = 95 }));
        Assert.Equal((AtessErrorKind.Rejected, 500), (refused.Kind, refused.Code));
        Assert.Contains("genStartSoc must be between 5 and 80", refused.Message);
        Assert.Equal(25, (await client.GetSettingsAsync(AtessFamily.HpsCentral, hps)).Values["genStartSoc"]);
        var rack = fleet.Device(AtessFleetView.Commercial, "Bcu");
        Assert.Equal(3.55, (await client.ModifySettingsAsync(AtessFamily.Bcu, rack, new Dictionary<string, double> { ["cellVoltHighLimit"] = 3.55 })).Values["cellVoltHighLimit"]);
    }

    [Fact]
    public async Task History_pages_through_a_day_oldest_first_without_a_row_twice()
    {
        await using var sandbox = await RelaxedAsync();
        var fleet = await AtessFleetView.LoadAsync(sandbox);
        var client = Client(sandbox);
        var pbd = fleet.Device(AtessFleetView.Farm, "Pbd");

        var rows = new List<AtessRow>();
        var pages = 0;
        for (var pageNo = 1; ; pageNo++)
        {
            var page = await client.GetHistoryAsync(AtessFamily.Pbd, pbd, new DateTime(2026, 6, 16), new DateTime(2026, 6, 16, 23, 59, 59), pageNo, 100);
            pages++;
            rows.AddRange(page.Items);
            Assert.Equal(288, page.Total);
            if (!page.HasMore) break;
        }
        Assert.Equal(3, pages);
        Assert.Equal(288, rows.Select(r => r.Time).Distinct().Count());
        Assert.Equal(rows.Select(r => r.Time).Order(StringComparer.Ordinal), rows.Select(r => r.Time));
        Assert.Equal(("2026-06-16 00:00:00", "2026-06-16 23:55:00"), (rows[0].Time, rows[^1].Time));
    }

    [Fact]
    public async Task Rows_directly_in_data_page_until_a_page_is_not_full()
    {
        await using var sandbox = await RelaxedAsync(o => o.Atess.Quirks.RowsInData = true);
        var fleet = await AtessFleetView.LoadAsync(sandbox);
        var client = Client(sandbox);
        var hps = fleet.Device(AtessFleetView.Farm, "HpsString");

        var first = await client.GetHistoryAsync(AtessFamily.HpsString, hps, new DateTime(2026, 6, 16), new DateTime(2026, 6, 16, 23, 59, 59), 1, 200);
        var second = await client.GetHistoryAsync(AtessFamily.HpsString, hps, new DateTime(2026, 6, 16), new DateTime(2026, 6, 16, 23, 59, 59), 2, 200);
        Assert.Equal((200, null, true), (first.Items.Count, first.Total, first.HasMore));
        Assert.Equal((88, false), (second.Items.Count, second.HasMore));
    }

    [Fact]
    public async Task A_second_read_within_five_minutes_is_the_acquisition_limit_with_its_wait()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        var fleet = await AtessFleetView.LoadAsync(sandbox);
        var calls = new List<AtessCallRecord>();
        var client = Client(sandbox, calls: calls);
        var mbms = fleet.Device(AtessFleetView.Commercial, "Mbms");

        await client.GetLatestAsync(AtessFamily.Mbms, mbms);
        sandbox.Time.Advance(TimeSpan.FromSeconds(100));
        var limited = await FailsAsync(() => client.GetLatestAsync(AtessFamily.Mbms, mbms));
        Assert.Equal((AtessErrorKind.AcquisitionLimited, TimeSpan.FromSeconds(200)), (limited.Kind, limited.RetryAfter));
        await client.GetHistoryAsync(AtessFamily.Mbms, mbms, new DateTime(2026, 6, 17), new DateTime(2026, 6, 17, 12, 0, 0)); // another endpoint: allowed

        sandbox.Time.Advance(limited.RetryAfter!.Value);
        Assert.NotNull(await client.GetLatestAsync(AtessFamily.Mbms, mbms));
        Assert.Equal([true, false, true, true], calls.Select(c => c.Succeeded));
        Assert.Equal(AtessErrorKind.AcquisitionLimited, calls[1].Error);
    }

    [Fact]
    public async Task Unknown_devices_are_not_found_and_other_accounts_no_access()
    {
        await using var sandbox = await RelaxedAsync();
        var fleet = await AtessFleetView.LoadAsync(sandbox);

        var unknown = await FailsAsync(() => Client(sandbox).GetLatestAsync(AtessFamily.HpsCentral, "UHC0Z99999"));
        Assert.Equal((AtessErrorKind.NotFound, 400), (unknown.Kind, unknown.Code));
        // A string-type HPS asked for on the central paths is not found: the family decides the path.
        Assert.Equal(AtessErrorKind.NotFound, (await FailsAsync(() => Client(sandbox).GetLatestAsync(AtessFamily.HpsCentral, fleet.Device(AtessFleetView.Farm, "HpsString")))).Kind);
        var other = await FailsAsync(() => Client(sandbox, "other-atess", "other-atess-key").GetPlantAsync(fleet.Plant(AtessFleetView.Commercial)));
        Assert.Equal((AtessErrorKind.NoAccess, 403), (other.Kind, other.Code));
        var wrongKey = await FailsAsync(() => Client(sandbox, key: "not-the-key").ListPlantsAsync());
        Assert.Equal(AtessErrorKind.NoAccess, wrongKey.Kind);
        Assert.DoesNotContain("not-the-key", wrongKey.Message);
    }

    [Fact]
    public async Task Quirks_are_read_or_typed()
    {
        await using var sandbox = await RelaxedAsync(o =>
        {
            o.Atess.Quirks.NumbersAsStrings = true;
            o.Atess.Quirks.SuccessCode200 = true;
            o.Atess.Quirks.MissingFieldRate = 0.3;
        });
        var fleet = await AtessFleetView.LoadAsync(sandbox);
        var client = Client(sandbox);
        var hps = fleet.Device(AtessFleetView.Commercial, "HpsCentral");

        var latest = await client.GetLatestAsync(AtessFamily.HpsCentral, hps);
        Assert.Equal(hps, latest!.DeviceSn);
        Assert.InRange(latest.Values.Count, 60, 120); // some fields missing, the rest read
        Assert.All(latest.Values.Values, v => Assert.NotNull(v)); // strings read as numbers

        await using var html = await RelaxedAsync(o => o.Atess.Quirks.HtmlErrorPageRate = 1);
        var page = await FailsAsync(() => Client(html).GetLatestAsync(AtessFamily.HpsCentral, hps));
        Assert.Equal((AtessErrorKind.Unavailable, 502), (page.Kind, page.HttpStatus));
        await using var forbidden = await RelaxedAsync(o => o.Atess.Quirks.ForbiddenRate = 1);
        Assert.Equal(AtessErrorKind.NoAccess, (await FailsAsync(() => Client(forbidden).GetLatestAsync(AtessFamily.HpsCentral, hps))).Kind);
    }
}
