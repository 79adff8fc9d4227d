using System.Net;
using SolarDashboard.Testing;

namespace SolarDashboard.Tests.Sandbox.Atess;

/// <summary>Authorization: Basic base64(accountId:apiKey) on every call, "no access" for others' devices, Accept-Language.</summary>
public sealed class AtessAccessTests(AtessReadOnlySandbox shared) : IClassFixture<AtessReadOnlySandbox>
{
    private readonly SandboxHost _sandbox = shared.Sandbox;
    private readonly AtessFleetView _fleet = shared.Fleet;

    private string HpsLast => "/hps/data-last" + SandboxHost.Query(("deviceSn", _fleet.Device(AtessFleetView.Commercial, "HpsCentral")));

    [Theory]
    [InlineData("")]                                              // no header
    [InlineData("Basic ZGVtby1hdGVzczp3cm9uZw==")]                // demo-atess:wrong
    [InlineData("Basic bm9ib2R5OmRlbW8tYXRlc3Mta2V5")]            // nobody:demo-atess-key
    [InlineData("Basic not-base64!")]
    [InlineData("Basic ZGVtby1hdGVzcy1kZW1vLWF0ZXNzLWtleQ==")]    // no colon
    [InlineData("Bearer demo-atess-key")]
    public async Task A_missing_or_wrong_authorization_is_refused_with_no_access(string authorization)
    {
        using var response = await _sandbox.AtessRawAsync(HttpMethod.Get, HpsLast, authorization: authorization);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        Assert.Equal(403, answer["code"]!.GetValue<int>());
        Assert.Null(answer["data"]);
        Assert.StartsWith("No access", answer["msg"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_demo_account_reads_its_devices_and_the_other_account_gets_no_access()
    {
        var own = await _sandbox.AtessGetAsync(HpsLast);
        Assert.Equal(0, own["code"]!.GetValue<int>());
        Assert.Equal("operate successfully", own["msg"]!.GetValue<string>());

        var other = SandboxHost.AtessBasic("other-atess", "other-atess-key");
        Assert.Equal(403, (await _sandbox.AtessGetAsync(HpsLast, other))["code"]!.GetValue<int>());
        Assert.Equal(403, (await _sandbox.AtessGetAsync("/bms/buc-base-info/list" + SandboxHost.Query(("dataLogSn", _fleet.DataLog(AtessFleetView.Commercial))), other))["code"]!.GetValue<int>());
        Assert.Equal(403, (await _sandbox.AtessGetAsync("/plant" + SandboxHost.Query(("plantId", _fleet.Plant(AtessFleetView.Farm))), other))["code"]!.GetValue<int>());
        var list = await _sandbox.AtessGetAsync("/plant/list", other);
        Assert.Equal(0, list["data"]!["total"]!.GetValue<int>());
        Assert.Equal(3, (await _sandbox.AtessGetAsync("/plant/list"))["data"]!["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task Unknown_devices_datalogs_and_plants_are_not_found()
    {
        foreach (var path in new[]
        {
            "/pcs/data-last?deviceSn=UPC0A00000", "/bms/mbms-setting?deviceSn=UMB0A00000", "/datalog?dataLogSn=UDL0A00000",
            "/plant?plantId=42", "/bms/buc-base-info/list?dataLogSn=UDL0A00000",
        })
        {
            var answer = await _sandbox.AtessGetAsync(path);
            Assert.Equal(400, answer["code"]!.GetValue<int>());
            Assert.StartsWith("not found", answer["msg"]!.GetValue<string>(), StringComparison.Ordinal);
        }
        // A spare datalog nobody added yet is not visible either.
        var spare = (await _sandbox.AtessFleetAsync())["spareDataLogs"]![0]!["dataLogSn"]!.GetValue<string>();
        Assert.Equal(400, (await _sandbox.AtessGetAsync("/datalog" + SandboxHost.Query(("dataLogSn", spare))))["code"]!.GetValue<int>());
    }

    [Fact]
    public async Task Messages_follow_accept_language_with_english_by_default()
    {
        var zh = await _sandbox.AtessAsync(HttpMethod.Get, HpsLast, language: "zh-CN,zh;q=0.9");
        Assert.Equal("操作成功", zh["msg"]!.GetValue<string>());
        var none = await _sandbox.AtessAsync(HttpMethod.Get, HpsLast, language: "");
        Assert.Equal("operate successfully", none["msg"]!.GetValue<string>());
        var german = await _sandbox.AtessAsync(HttpMethod.Get, "/hps/data-last?deviceSn=NOPE", language: "de-DE");
        Assert.Equal("not found: deviceSn NOPE", german["msg"]!.GetValue<string>());
        var refusedZh = await _sandbox.AtessAsync(HttpMethod.Get, HpsLast, authorization: "", language: "zh");
        Assert.StartsWith("无访问权限", refusedZh["msg"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
