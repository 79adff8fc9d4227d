using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SolarDashboard.Sandbox;
using SolarDashboard.Tests.Support;
using SolarDashboard.Testing;

namespace SolarDashboard.Tests.Sandbox.Atess;

/// <summary>The reference's literal examples (fixtures under Fixtures/Atess) against what the sandbox answers.</summary>
public sealed partial class AtessReferenceExampleTests
{
    /// <summary>Two days after the PBD page's example date (2023-11-10), so its example query has history to return.</summary>
    private static readonly DateTimeOffset AfterExample = new(2023, 11, 12, 6, 0, 0, TimeSpan.Zero);

    private static string Fixture(string file) => ReferenceDocs.Fixture("Atess", file);

    private static JsonObject Example(string file) => JsonNode.Parse(Fixture(file))!.AsObject();

    private static Task<SandboxHost> StartAsync(DateTimeOffset? start = null) =>
        SandboxHost.StartAsync(o => o.FlowControl = FlowControlMode.Relaxed, start);

    /// <summary>Same field names, and each value of the same JSON kind (number, string, boolean) as the example.</summary>
    private static void AssertShape(JsonObject example, JsonObject actual)
    {
        Assert.Equal(example.Select(p => p.Key).Order(StringComparer.Ordinal), actual.Select(p => p.Key).Order(StringComparer.Ordinal));
        foreach (var (key, value) in example)
        {
            if (value is JsonObject or JsonArray) continue;
            Assert.True(Kind(value) == Kind(actual[key]), $"{key}: example is {Kind(value)}, sandbox sent {Kind(actual[key])}");
        }
    }

    private static string Kind(JsonNode? n) => n?.GetValueKind() switch
    {
        JsonValueKind.True or JsonValueKind.False => "boolean",
        { } k => k.ToString(),
        null => "missing",
    };

    [Fact]
    public async Task Pbd_history_answers_the_example_query_in_the_example_shape()
    {
        await using var sandbox = await StartAsync(AfterExample);
        var fleet = await AtessFleetView.LoadAsync(sandbox);
        var pbd = fleet.Device(AtessFleetView.Farm, "Pbd");
        // The query parameters' examples of the page: deviceSn UMD0D23202, 2023-11-10 00:00:00 to 23:59:59, page 1 of 10.
        var p = Fixture("atess-openapi-pbd-history.query-params.txt").Split('\n');
        string ExampleOf(string name) => p[Array.IndexOf(p, name) + 5].Trim();
        Assert.Matches(SerialShape(), ExampleOf("deviceSn"));
        var answer = await sandbox.AtessGetAsync("/pbd/data-list" + SandboxHost.Query(("deviceSn", pbd),
            ("startDate", ExampleOf("startDate")), ("endDate", ExampleOf("endDate")), ("pageNo", ExampleOf("pageNo")), ("pageSize", ExampleOf("pageSize"))));

        var example = Example("atess-openapi-pbd-history.response-example.json");
        Assert.Equal(example.Select(e => e.Key), answer.Select(a => a.Key));
        Assert.Equal(0, answer["code"]!.GetValue<int>());
        var pager = answer["data"]!.AsObject();
        Assert.Equal(example["data"]!.AsObject().Select(e => e.Key), pager.Select(a => a.Key));
        Assert.Equal((0, 1, 10, 288), (pager["offset"]!.GetValue<int>(), pager["pageNo"]!.GetValue<int>(), pager["pageSize"]!.GetValue<int>(), pager["total"]!.GetValue<int>()));
        var rows = pager["datas"]!.AsArray().Select(r => r!.AsObject()).ToList();
        Assert.Equal(10, rows.Count);
        var exampleRow = example["data"]!["datas"]![0]!.AsObject();
        Assert.Equal(78, exampleRow.Count);
        Assert.All(rows, r => AssertShape(exampleRow, r));
        Assert.Equal(Enumerable.Range(0, 10).Select(k => $"2023-11-10 00:{k * 5:00}:00"), rows.Select(AtessFleetView.T));
        Assert.All(rows, r => Assert.Equal(pbd, r["deviceSn"]!.GetValue<string>()));
    }

    [Fact]
    public async Task The_pbd_pages_literal_request_is_served_under_the_sandbox_prefix()
    {
        await using var sandbox = await StartAsync(AfterExample);
        var pbd = (await AtessFleetView.LoadAsync(sandbox)).Device(AtessFleetView.Farm, "Pbd");
        var url = new Uri(Fixture("atess-openapi-pbd-history.request-example.txt").Split('\n')[1].Trim().Replace("xxxxxxxxxx", pbd, StringComparison.Ordinal));
        Assert.StartsWith("/api/v1/", url.AbsolutePath, StringComparison.Ordinal);
        var answer = await sandbox.AtessGetAsync(url.AbsolutePath["/api/v1".Length..] + url.Query);
        Assert.Equal(0, answer["code"]!.GetValue<int>());
        Assert.Equal("2023-10-01 00:00:00", AtessFleetView.T(answer["data"]!["datas"]![0]!.AsObject()));
    }

    [Fact]
    public async Task The_bcu_list_of_a_datalog_matches_the_reference_example()
    {
        await using var sandbox = await StartAsync();
        var fleet = await AtessFleetView.LoadAsync(sandbox);
        var log = fleet.DataLog(AtessFleetView.Commercial);
        var url = new Uri(Fixture("atess-openapi-bms-bcu-list.request-example.txt").Split('\n')[^2].Trim().Replace("xxxxxxxxxx", log, StringComparison.Ordinal));
        var answer = await sandbox.AtessGetAsync(url.AbsolutePath["/api/v1".Length..] + url.Query);

        var example = Example("atess-openapi-bms-bcu-list.response-example.json");
        Assert.Equal(example.Select(e => e.Key), answer.Select(a => a.Key));
        var racks = answer["data"]!.AsArray().Select(r => r!.AsObject()).ToList();
        Assert.Equal(4, racks.Count);
        Assert.All(racks, r => AssertShape(example["data"]![0]!.AsObject(), r));
        Assert.Equal([1, 2, 3, 4], racks.Select(r => r["deviceNo"]!.GetValue<int>()));
        Assert.Equal(fleet.Devices(AtessFleetView.Commercial, "Bcu"), racks.Select(r => r["deviceSn"]!.GetValue<string>()));
        Assert.All(racks, r =>
        {
            Assert.Equal(log, r["dataLogSn"]!.GetValue<string>());
            Assert.False(r["lost"]!.GetValue<bool>());
            Assert.Matches(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$", r["updateTime"]!.GetValue<string>());
        });
        // The fields the reference's body description lists, and no others.
        var described = DescribedFields(Fixture("atess-openapi-bms-bcu-list.response-body.txt"));
        Assert.Equal(described.Keys.Order(StringComparer.Ordinal), racks[0].Select(p => p.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Central_hps_latest_data_matches_the_reference_example_and_its_types()
    {
        await using var sandbox = await StartAsync();
        var hps = (await AtessFleetView.LoadAsync(sandbox)).Device(AtessFleetView.Commercial, "HpsCentral");
        var url = new Uri(Fixture("atess-openapi-hps-central-realtime.request-example.txt").Split('\n')[^2].Trim().Replace("xxxxxxx", hps, StringComparison.Ordinal));
        var answer = await sandbox.AtessGetAsync(url.AbsolutePath["/api/v1".Length..] + url.Query);

        var example = Example("atess-openapi-hps-central-realtime.response-example.json");
        Assert.Equal(example.Select(e => e.Key), answer.Select(a => a.Key));
        var data = answer["data"]!.AsObject();
        AssertShape(example["data"]!.AsObject(), data);
        Assert.Equal(132, data.Count);
        foreach (var (field, type) in DescribedFields(Fixture("atess-openapi-hps-central-realtime.response-body.txt")))
        {
            var kind = data[field]!.GetValueKind();
            if (type.StartsWith("integer", StringComparison.Ordinal))
                Assert.True(kind == JsonValueKind.Number && data[field]!.GetValue<double>() % 1 == 0, $"{field} should be an integer");
            else if (type.StartsWith("number", StringComparison.Ordinal)) Assert.Equal(JsonValueKind.Number, kind);
            else Assert.Equal(JsonValueKind.String, kind);
        }
    }

    [Fact]
    public async Task The_hv_models_additional_parameters_are_filled_and_add_up()
    {
        await using var sandbox = await StartAsync();
        var hps = (await AtessFleetView.LoadAsync(sandbox)).Device(AtessFleetView.Commercial, "HpsCentral");
        var data = (await sandbox.AtessGetAsync("/hps/data-last" + SandboxHost.Query(("deviceSn", hps))))["data"]!.AsObject();
        var table = Fixture("atess-openapi-hps-central-realtime.hv-additional-parameters.txt").Split('\n')
            .Where(l => l.Contains("HPS100HV/HPS150HV", StringComparison.Ordinal)).Select(l => l[..l.IndexOf("HPS100HV/HPS150HV", StringComparison.Ordinal)]).ToList();
        Assert.Equal(17, table.Count);
        Assert.All(table, field => Assert.True(data.ContainsKey(field), field));

        double V(string k) => AtessFleetView.D(data, k);
        // Noon in Nairobi: the PV inputs produce.
        Assert.True(V("ppv1") > 10, $"total PV {V("ppv1")} kW at noon");
        Assert.Equal(V("ppv") + V("ppv2") + V("ppv3"), V("ppv1"), 0.02);      // PV1 + PV2 + PV3 = total PV power
        Assert.Equal(V("vpv") - V("vpv2"), V("pv1Volt"), 0.15);              // positive − negative pole = PV1 voltage
        Assert.Equal(V("vpv3") - V("pv2NegVolt"), V("pv2Volt"), 0.15);
        Assert.Equal(V("pv3PosVolt") - V("pv3NegVolt"), V("pv3Volt"), 0.15);
        Assert.True(V("vpv2") < 0 && V("pv2NegVolt") < 0 && V("pv3NegVolt") < 0);
        Assert.True(V("ibuck1") > 0 && V("ibuck2") > 0 && V("bipvBuck3") > 0 && V("bvbus") > V("vbat"));
    }

    [Fact]
    public async Task String_type_hps_answers_on_the_small_paths_without_the_hv_parameters()
    {
        await using var sandbox = await StartAsync();
        var fleet = await AtessFleetView.LoadAsync(sandbox);
        var hps = fleet.Device(AtessFleetView.Farm, "HpsString");
        var small = (await sandbox.AtessGetAsync("/hps/data-last-small" + SandboxHost.Query(("deviceSn", hps))))["data"]!.AsObject();
        var central = Example("atess-openapi-hps-central-realtime.response-example.json")["data"]!.AsObject();
        var hvOnly = central.Where(p => p.Value!.GetValueKind() == JsonValueKind.String && p.Key is not ("deviceSn" or "time")).Select(p => p.Key).ToHashSet();
        Assert.Equal(13, hvOnly.Count);
        Assert.Equal(central.Select(p => p.Key).Where(k => !hvOnly.Contains(k)).Order(StringComparer.Ordinal), small.Select(p => p.Key).Order(StringComparer.Ordinal));

        // The central form does not know a string-type HPS (a client falls back to -small), and vice versa.
        Assert.Equal(400, (await sandbox.AtessGetAsync("/hps/data-last" + SandboxHost.Query(("deviceSn", hps))))["code"]!.GetValue<int>());
        var centralSn = fleet.Device(AtessFleetView.Commercial, "HpsCentral");
        Assert.Equal(400, (await sandbox.AtessGetAsync("/hps/data-last-small" + SandboxHost.Query(("deviceSn", centralSn))))["code"]!.GetValue<int>());
    }

    [Fact]
    public async Task Not_found_and_no_access_use_the_documented_codes()
    {
        var codes = Fixture("atess-openapi-hps-central-realtime.response-codes.txt");
        Assert.Contains("400not fount", codes, StringComparison.Ordinal);
        Assert.Contains("403No access", codes, StringComparison.Ordinal);
        await using var sandbox = await StartAsync();
        var hps = (await AtessFleetView.LoadAsync(sandbox)).Device(AtessFleetView.Commercial, "HpsCentral");
        var unknown = await sandbox.AtessGetAsync("/hps/data-last" + SandboxHost.Query(("deviceSn", "UHC0Z99999")));
        Assert.Equal(400, unknown["code"]!.GetValue<int>());
        Assert.Null(unknown["data"]);
        var foreign = await sandbox.AtessGetAsync("/hps/data-last" + SandboxHost.Query(("deviceSn", hps)), SandboxHost.AtessBasic("other-atess", "other-atess-key"));
        Assert.Equal(403, foreign["code"]!.GetValue<int>());
        Assert.Equal("No access", foreign["msg"]!.GetValue<string>());
    }

    /// <summary>Field name → type line of a reference body description (name, type, "optional", label, under data).</summary>
    private static Dictionary<string, string> DescribedFields(string body)
    {
        var lines = body.Split('\n').Select(l => l.Replace('\u00a0', ' ').Trim()).ToList();
        static bool IsType(string l) => l.Split(' ')[0] is "integer" or "number" or "string" or "boolean" or "object" or "array";
        var start = lines.FindIndex(l => l.Contains("(OpenApi", StringComparison.Ordinal)) + 2;
        while (!IsType(lines[start + 1])) start++; // the page sometimes repeats a label after the object's line
        var fields = new Dictionary<string, string>();
        for (var k = start; k + 2 < lines.Count && lines[k] != "msg"; k += 4) fields[lines[k]] = lines[k + 1];
        return fields;
    }

    [GeneratedRegex(@"^[A-Z]{3}0[A-Z]\d{5}$")]
    internal static partial Regex SerialShape();
}
