using System.Text.Json.Nodes;
using SolarDashboard.Testing;

namespace SolarDashboard.Tests.Sandbox.Atess;

/// <summary>History (data-list): pageNo/pageSize paging, startDate/endDate in the plant's local time, and bad queries.</summary>
public sealed class AtessHistoryTests(AtessReadOnlySandbox shared) : IClassFixture<AtessReadOnlySandbox>
{
    private readonly SandboxHost _sandbox = shared.Sandbox;
    private readonly AtessFleetView _fleet = shared.Fleet;

    private Task<JsonObject> PageAsync(string path, string sn, string start, string end, object pageNo, object pageSize) =>
        _sandbox.AtessGetAsync(path + SandboxHost.Query(("deviceSn", sn), ("startDate", start), ("endDate", end), ("pageNo", pageNo), ("pageSize", pageSize)));

    [Fact]
    public async Task Pages_are_disjoint_and_together_hold_every_row_of_the_range()
    {
        var bcu = _fleet.Devices(AtessFleetView.Commercial, "Bcu")[2];
        var times = new List<string>();
        var total = -1;
        for (var page = 1; page <= 7; page++)
        {
            var data = (await PageAsync("/bms/buc-data-list", bcu, "2026-06-15 00:00:00", "2026-06-15 23:59:59", page, 50))["data"]!.AsObject();
            total = data["total"]!.GetValue<int>();
            Assert.Equal((page - 1) * 50, data["offset"]!.GetValue<int>());
            Assert.Equal(page, data["pageNo"]!.GetValue<int>());
            var rows = data["datas"]!.AsArray();
            Assert.Equal(page < 6 ? 50 : page == 6 ? 38 : 0, rows.Count);
            times.AddRange(rows.Select(r => AtessFleetView.T(r!.AsObject())));
        }
        Assert.Equal(288, total);
        Assert.Equal(288, times.Distinct().Count());
        var expected = Enumerable.Range(0, 288).Select(k => new DateTime(2026, 6, 15).AddMinutes(5 * k).ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(expected, times);
    }

    [Fact]
    public async Task Dates_are_plant_local_and_today_counters_start_at_the_plants_midnight()
    {
        // Adelaide is UTC+9:30 in June: its local day starts at 14:30 UTC of the day before.
        var pcs = _fleet.Device(AtessFleetView.Farm, "Pcs");
        var rows = (await PageAsync("/pcs/data-list", pcs, "2026-06-15 23:50:00", "2026-06-16 00:10:00", 1, 100))["data"]!["datas"]!.AsArray()
            .Select(r => r!.AsObject()).ToList();
        Assert.Equal(["2026-06-15 23:50:00", "2026-06-15 23:55:00", "2026-06-16 00:00:00", "2026-06-16 00:05:00", "2026-06-16 00:10:00"], rows.Select(AtessFleetView.T));
        Assert.True(AtessFleetView.D(rows[1], "eloadToday") > 50, "a whole day of load before midnight");
        Assert.Equal(0, AtessFleetView.D(rows[2], "eloadToday"));
        Assert.Equal(0, AtessFleetView.D(rows[2], "eloadTimeToday"));
        Assert.True(AtessFleetView.D(rows[3], "eloadToday") > 0);
        Assert.True(AtessFleetView.D(rows[2], "eloadTotal") >= AtessFleetView.D(rows[1], "eloadTotal"), "lifetime counters carry on over midnight");

        // The same wall-clock range at Nairobi (UTC+3) is another instant: the answers differ, each in its own plant's time.
        var hps = _fleet.Device(AtessFleetView.Commercial, "HpsCentral");
        var nairobi = (await PageAsync("/hps/data-list", hps, "2026-06-16 00:00:00", "2026-06-16 00:00:00", 1, 10))["data"]!["datas"]![0]!.AsObject();
        Assert.Equal("2026-06-16 00:00:00", AtessFleetView.T(nairobi));
        Assert.Equal(0, AtessFleetView.D(nairobi, "eloadToday"));
    }

    [Fact]
    public async Task History_ends_at_the_latest_upload_and_never_shows_the_future()
    {
        // 10:00 UTC is 13:00 in Nairobi: the latest upload is at 13:00, none after.
        var hps = _fleet.Device(AtessFleetView.Commercial, "HpsCentral");
        var rows = await AtessFleetView.HistoryAsync(_sandbox, "/hps/data-list", hps, "2026-06-17 00:00:00", "2026-06-18 23:59:59");
        Assert.Equal(157, rows.Count); // 00:00 … 13:00
        Assert.Equal("2026-06-17 13:00:00", AtessFleetView.T(rows[^1]));
        var last = (await _sandbox.AtessGetAsync("/hps/data-last" + SandboxHost.Query(("deviceSn", hps))))["data"]!.AsObject();
        Assert.Equal("2026-06-17 13:00:00", AtessFleetView.T(last));
        Assert.Equal(rows[^1].ToJsonString(), last.ToJsonString());
    }

    [Fact]
    public async Task Before_the_installation_there_are_no_rows()
    {
        var hps = _fleet.Device(AtessFleetView.Commercial, "HpsCentral");
        var data = (await PageAsync("/hps/data-list", hps, "2020-01-01 00:00:00", "2020-01-02 00:00:00", 1, 10))["data"]!.AsObject();
        Assert.Equal(0, data["total"]!.GetValue<int>());
        Assert.Empty(data["datas"]!.AsArray());
    }

    [Theory]
    [InlineData(null, "2026-06-15 23:59:59", 1, 10, "startDate is required")]
    [InlineData("2026-06-15", "2026-06-15 23:59:59", 1, 10, "startDate must be yyyy-MM-dd HH:mm:ss")]
    [InlineData("2026-06-15T00:00:00", "2026-06-15 23:59:59", 1, 10, "startDate must be yyyy-MM-dd HH:mm:ss")]
    [InlineData("2026-06-16 00:00:00", "2026-06-15 23:59:59", 1, 10, "endDate must not be before startDate")]
    [InlineData("2026-06-15 00:00:00", "2026-06-15 23:59:59", 0, 10, "pageNo must be 1 or more")]
    [InlineData("2026-06-15 00:00:00", "2026-06-15 23:59:59", 1, 0, "pageSize must be between 1 and 2000")]
    [InlineData("2026-06-15 00:00:00", "2026-06-15 23:59:59", 1, 2001, "pageSize must be between 1 and 2000")]
    [InlineData("2026-06-15 00:00:00", "2026-06-15 23:59:59", "x", 10, "pageNo must be a whole number")]
    public async Task A_bad_query_fails_with_a_message_naming_the_parameter(string? start, string end, object pageNo, object pageSize, string message)
    {
        var pbd = _fleet.Device(AtessFleetView.Farm, "Pbd");
        var pairs = new List<(string, object)> { ("deviceSn", pbd), ("endDate", end), ("pageNo", pageNo), ("pageSize", pageSize) };
        if (start is not null) pairs.Add(("startDate", start));
        var answer = await _sandbox.AtessGetAsync("/pbd/data-list" + SandboxHost.Query([.. pairs]));
        Assert.Equal(500, answer["code"]!.GetValue<int>());
        Assert.Equal(message, answer["msg"]!.GetValue<string>());
    }
}
