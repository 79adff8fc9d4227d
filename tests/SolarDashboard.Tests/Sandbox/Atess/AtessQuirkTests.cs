using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using SolarDashboard.Sandbox;
using SolarDashboard.Sandbox.Atess;
using SolarDashboard.Testing;

namespace SolarDashboard.Tests.Sandbox.Atess;

/// <summary>The opt-in misbehaviours real ATESS clients cope with: off by default, each visible on the wire when on.</summary>
public sealed class AtessQuirkTests : IAsyncLifetime
{
    private SandboxHost _sandbox = null!;
    private AtessFleetView _fleet = null!;

    public async Task InitializeAsync()
    {
        _sandbox = await SandboxHost.StartAsync(o => o.FlowControl = FlowControlMode.Relaxed);
        _fleet = await AtessFleetView.LoadAsync(_sandbox);
    }

    public async Task DisposeAsync() => await _sandbox.DisposeAsync();

    private string HpsLast => "/hps/data-last" + SandboxHost.Query(("deviceSn", _fleet.Device(AtessFleetView.Commercial, "HpsCentral")));

    private string PbdHistory => "/pbd/data-list" + SandboxHost.Query(("deviceSn", _fleet.Device(AtessFleetView.Farm, "Pbd")),
        ("startDate", "2026-06-16 12:00:00"), ("endDate", "2026-06-16 12:59:59"), ("pageNo", 1), ("pageSize", 5));

    /// <summary>Switches quirks through the admin endpoint, as a demo would.</summary>
    private async Task SetAsync(AtessQuirkOptions quirks) =>
        (await _sandbox.Client.PutAsJsonAsync("/sandbox/admin/atess/quirks", quirks)).EnsureSuccessStatusCode();

    [Fact]
    public async Task Quirks_are_off_by_default()
    {
        var q = new SandboxOptions().Atess.Quirks;
        Assert.False(q.NumbersAsStrings || q.RowsInData || q.SuccessCode200);
        Assert.Equal(0, q.MissingFieldRate + q.HtmlErrorPageRate + q.ForbiddenRate);
        var answer = await _sandbox.AtessGetAsync(PbdHistory);
        Assert.Equal(0, answer["code"]!.GetValue<int>());
        Assert.Equal(5, answer["data"]!["datas"]!.AsArray().Count);
    }

    [Fact]
    public async Task Numbers_can_arrive_as_strings()
    {
        await SetAsync(new AtessQuirkOptions { NumbersAsStrings = true });
        var data = (await _sandbox.AtessGetAsync(HpsLast))["data"]!.AsObject();
        Assert.All(data, p => Assert.Equal(JsonValueKind.String, p.Value!.GetValueKind()));
        Assert.Matches(@"^-?\d+(\.\d+)?$", data["vbat"]!.GetValue<string>());
        Assert.Equal("1", data["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task History_rows_can_come_directly_in_data()
    {
        await SetAsync(new AtessQuirkOptions { RowsInData = true });
        var answer = await _sandbox.AtessGetAsync(PbdHistory);
        var rows = answer["data"]!.AsArray();
        Assert.Equal(5, rows.Count);
        Assert.Equal("2026-06-16 12:00:00", rows[0]!["time"]!.GetValue<string>());
    }

    [Fact]
    public async Task Fields_can_be_missing()
    {
        await SetAsync(new AtessQuirkOptions { MissingFieldRate = 1 });
        var data = (await _sandbox.AtessGetAsync(HpsLast))["data"]!.AsObject();
        Assert.Equal(["deviceSn", "time"], data.Select(p => p.Key));
        await SetAsync(new AtessQuirkOptions { MissingFieldRate = 0.3 });
        var some = (await _sandbox.AtessGetAsync(PbdHistory))["data"]!["datas"]![0]!.AsObject();
        Assert.InRange(some.Count, 20, 70);
    }

    [Fact]
    public async Task Answers_can_be_html_error_pages()
    {
        await SetAsync(new AtessQuirkOptions { HtmlErrorPageRate = 1 });
        using var response = await _sandbox.AtessRawAsync(HttpMethod.Get, HpsLast);
        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("<h1>502 Bad Gateway</h1>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_owned_device_can_be_refused_with_no_access()
    {
        await SetAsync(new AtessQuirkOptions { ForbiddenRate = 1 });
        var answer = await _sandbox.AtessGetAsync(HpsLast);
        Assert.Equal(403, answer["code"]!.GetValue<int>());
        Assert.Equal("No access", answer["msg"]!.GetValue<string>());
        await SetAsync(new AtessQuirkOptions());
        Assert.Equal(0, (await _sandbox.AtessGetAsync(HpsLast))["code"]!.GetValue<int>());
    }

    [Fact]
    public async Task Success_can_be_code_200_with_an_empty_message()
    {
        await SetAsync(new AtessQuirkOptions { SuccessCode200 = true });
        var answer = await _sandbox.AtessGetAsync(HpsLast);
        Assert.Equal(200, answer["code"]!.GetValue<int>());
        Assert.Equal("", answer["msg"]!.GetValue<string>());
        Assert.NotNull(answer["data"]);
    }

    [Fact]
    public async Task Quirks_can_be_set_in_options_and_read_from_the_admin_endpoint()
    {
        await using var quirky = await SandboxHost.StartAsync(o => o.Atess.Quirks.RowsInData = true);
        var read = JsonNode.Parse(await quirky.Client.GetStringAsync("/sandbox/admin/atess/quirks"))!.AsObject();
        Assert.True(read["rowsInData"]!.GetValue<bool>());
    }
}
