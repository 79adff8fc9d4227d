using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Flurl.Http.Configuration;
using Flurl.Http.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using SolarDashboard.Core.RawValues;
using SolarDashboard.Tests.Support;
using SolarDashboard.Vendors;
using SolarDashboard.Vendors.Atess;
using SolarDashboard.Vendors.Atess.Model;
using SolarDashboard.Vendors.Atess.Wire;

namespace SolarDashboard.Tests.Vendors.Atess;

/// <summary>
/// The ATESS client reads the reference's literal examples (fixtures copied from the three pages) and sends requests
/// shaped like the pages' request examples; every documented code and every kind of broken answer is typed.
/// </summary>
public sealed class AtessReferenceExampleTests
{
    private static string Fixture(string file) => ReferenceDocs.Fixture("Atess", file);

    private static AtessClient NewClient(List<AtessCallRecord>? calls = null) => new(new VendorHttp(new FlurlClientCache()), AtessClient.ProductionBaseUrl,
        "acc-1", () => "key-1", NullLogger.Instance, TimeProvider.System, onCall: c => calls?.Add(c));

    /// <summary>One client call that ATESS answers with <paramref name="body"/> (Flurl's <see cref="HttpTest"/> fakes the answer).</summary>
    private static async Task<T> AnsweredAsync<T>(string body, Func<AtessClient, Task<T>> call, HttpStatusCode status = HttpStatusCode.OK, string mediaType = "application/json")
    {
        using var http = new HttpTest();
        http.RespondWith(() => new StringContent(body, Encoding.UTF8, mediaType), (int)status);
        return await call(NewClient());
    }

    private static async Task<AtessError> FailureAsync(string body, HttpStatusCode status = HttpStatusCode.OK, string mediaType = "application/json") =>
        (await Assert.ThrowsAsync<AtessException>(() => AnsweredAsync(body, c => c.GetLatestAsync(AtessFamily.HpsCentral, "UHC0A23001"), status, mediaType))).Error;

    /// <summary>The field list of a response body description: name, type and label, in the page's order.</summary>
    private static List<(string Name, string Type, string Label)> BodyFields(string file)
    {
        var lines = Fixture(file).Split('\n').Select(l => l.Trim()).ToList();
        var fields = new List<(string, string, string)>();
        for (var i = 0; i + 3 < lines.Count; i++)
            if (lines[i + 2] == "optional" && (lines[i + 1].Contains('<') || lines[i + 1] == "string" || lines[i + 1] == "boolean"))
                fields.Add((lines[i], lines[i + 1].Replace('\u00a0', ' '), lines[i + 3]));
        return fields;
    }

    [Fact]
    public async Task The_central_hps_real_time_example_is_read_with_every_field()
    {
        var example = JsonNode.Parse(Fixture("atess-openapi-hps-central-realtime.response-example.json"))!["data"]!.AsObject();

        var row = await AnsweredAsync(Fixture("atess-openapi-hps-central-realtime.response-example.json"), c => c.GetLatestAsync(AtessFamily.HpsCentral, "UHC0A23001"));

        Assert.NotNull(row);
        Assert.Equal(("string", "string"), (row.DeviceSn, row.Time));
        Assert.Equal(example.Select(p => p.Key).Where(k => k is not ("deviceSn" or "time")).Order(StringComparer.Ordinal), row.Values.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(130, row.Values.Count);
        Assert.Equal(0, row.Values["egridToday"]);
        // The example's placeholder "string" for the HV fields is no number: the key stays, without a value.
        Assert.Null(row.Values["ppv1"]);
    }

    [Fact]
    public async Task The_pbd_history_example_is_one_page_of_78_fields_and_no_more()
    {
        var page = await AnsweredAsync(Fixture("atess-openapi-pbd-history.response-example.json"),
            c => c.GetHistoryAsync(AtessFamily.Pbd, "UMD0D23202", new DateTime(2023, 11, 10), new DateTime(2023, 11, 10, 23, 59, 59), 1, 10));

        var row = Assert.Single(page.Items);
        Assert.Equal(78, row.Values.Count + 2); // deviceSn and time are text
        Assert.Contains("ipv2dc", row.Values.Keys);
        Assert.Equal((0L, false), (page.Total, page.HasMore));
    }

    [Fact]
    public async Task The_bcu_list_example_is_read_into_base_info()
    {
        var racks = await AnsweredAsync(Fixture("atess-openapi-bms-bcu-list.response-example.json"), c => c.ListBaseInfoAsync(AtessFamily.Bcu, "xxxxxxxxxx"));

        var rack = Assert.Single(racks);
        Assert.Equal(new AtessDeviceInfo("string", "string", 0, 0, 0, "string", true, "string", "string", null), rack);
    }

    [Theory]
    [InlineData("atess-openapi-pbd-history.request-example.txt")]
    [InlineData("atess-openapi-bms-bcu-list.request-example.txt")]
    [InlineData("atess-openapi-hps-central-realtime.request-example.txt")]
    public async Task Requests_are_the_pages_request_examples_with_basic_authorization_and_english(string file)
    {
        var url = Fixture(file).Split('\n').Single(l => l.StartsWith("https://", StringComparison.Ordinal)).Trim();
        var query = url.Split('?')[1].Split('&').Select(p => p.Split('=')).ToDictionary(p => p[0], p => p[1]);
        using var http = new HttpTest();
        http.RespondWith("""{"code":0,"data":null,"msg":"operate successfully"}""");
        var client = NewClient();

        if (url.Contains("/pbd/data-list", StringComparison.Ordinal))
            await client.GetHistoryAsync(AtessFamily.Pbd, query["deviceSn"], Local(query["startDate"]), Local(query["endDate"]), int.Parse(query["pageNo"], CultureInfo.InvariantCulture),
                int.Parse(query["pageSize"], CultureInfo.InvariantCulture));
        else if (url.Contains("/bms/buc-base-info/list", StringComparison.Ordinal)) await client.ListBaseInfoAsync(AtessFamily.Bcu, query["dataLogSn"]);
        else await client.GetLatestAsync(AtessFamily.HpsCentral, query["deviceSn"]);

        var sent = Assert.Single(http.CallLog);
        Assert.Equal(url, Uri.UnescapeDataString(sent.Request.Url.ToString()));
        Assert.Equal("GET", sent.Request.Verb.Method);
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("acc-1:key-1")), sent.Request.Headers.FirstOrDefault("Authorization"));
        Assert.Equal("en", sent.Request.Headers.FirstOrDefault("Accept-Language"));
    }

    private static DateTime Local(string text) => DateTime.ParseExact(text, AtessTime.Format, CultureInfo.InvariantCulture);

    [Fact]
    public async Task Every_documented_code_is_typed_and_200_is_success_as_the_text_says()
    {
        var table = Fixture("atess-openapi-bms-bcu-list.response-codes.txt").Split('\n').Select(l => l.Trim())
            .SkipWhile(l => l != "codedescription").Skip(1).Where(l => l.Length > 3 && char.IsDigit(l[0]))
            .ToDictionary(l => int.Parse(l[..3], CultureInfo.InvariantCulture), l => l[3..]);
        Assert.Equal([200, 400, 403, 500], table.Keys.Order());

        Assert.NotNull(await AnsweredAsync("""{"code":200,"data":{"deviceSn":"UHC0A23001","time":"2026-06-17 12:00:00","ppv":3},"msg":""}""",
            c => c.GetLatestAsync(AtessFamily.HpsCentral, "UHC0A23001")));
        var kinds = new Dictionary<int, AtessErrorKind>();
        foreach (var code in table.Keys.Where(c => c != 200))
            kinds[code] = (await FailureAsync($$"""{"code":{{code}},"data":null,"msg":"{{table[code]}}"}""")).Kind;
        Assert.Equal(AtessErrorKind.NotFound, kinds[400]);
        Assert.Equal(AtessErrorKind.NoAccess, kinds[403]);
        Assert.Equal(AtessErrorKind.Rejected, kinds[500]);
        Assert.Equal(AtessErrorKind.Rejected, (await FailureAsync("""{"code":501,"data":null,"msg":"other"}""")).Kind); // "...Other exceptions"
    }

    [Fact]
    public async Task The_acquisition_limit_is_its_own_failure_with_the_wait_it_names()
    {
        var english = await FailureAsync("""{"code":429,"data":null,"msg":"The frequency of acquisition is once every 5 minutes; try again in 212 s"}""");
        Assert.Equal((AtessErrorKind.AcquisitionLimited, TimeSpan.FromSeconds(212)), (english.Kind, english.RetryAfter));
        // Another code, the limit told in words only (here in Chinese), without a wait: the whole period.
        var chinese = await FailureAsync("""{"code":500,"data":null,"msg":"获取频率为每5分钟一次"}""");
        Assert.Equal((AtessErrorKind.AcquisitionLimited, TimeSpan.FromMinutes(5)), (chinese.Kind, chinese.RetryAfter));
        Assert.True(chinese.IsTransient);
    }

    [Fact]
    public async Task Broken_answers_are_typed_never_thrown_raw()
    {
        Assert.Equal(AtessErrorKind.Unavailable, (await FailureAsync("<html><body>502 Bad Gateway</body></html>", HttpStatusCode.BadGateway, "text/html")).Kind);
        var html = await FailureAsync("<!DOCTYPE html><html>maintenance</html>", HttpStatusCode.OK, "text/html");
        Assert.Equal((AtessErrorKind.Unavailable, "ATESS answered with a web page instead of data."), (html.Kind, html.Message));
        var cut = await FailureAsync("""{"code":0,"data":{"deviceSn":"UHC0A""");
        Assert.Equal((AtessErrorKind.Unavailable, "ATESS's answer was cut off or is not valid JSON."), (cut.Kind, cut.Message));
        Assert.Equal(AtessErrorKind.Unavailable, (await FailureAsync("""{"data":[]}""")).Kind); // not the envelope
        Assert.Equal(AtessErrorKind.Unauthorized, (await FailureAsync("", HttpStatusCode.Unauthorized)).Kind);
        Assert.Equal(AtessErrorKind.GatewayThrottled, (await FailureAsync("", HttpStatusCode.Forbidden)).Kind);
        Assert.Equal(AtessErrorKind.GatewayThrottled, (await FailureAsync("", HttpStatusCode.TooManyRequests)).Kind);

        using var http = new HttpTest();
        http.SimulateTimeout();
        var calls = new List<AtessCallRecord>();
        var timeout = await Assert.ThrowsAsync<AtessException>(() => NewClient(calls).GetLatestAsync(AtessFamily.Pcs, "UPC0A23001"));
        Assert.Equal((AtessErrorKind.Unavailable, "ATESS did not answer in time."), (timeout.Error.Kind, timeout.Error.Message));
        Assert.Equal(new[] { ("GET pcs/data-last", (string?)"UPC0A23001", false, (AtessErrorKind?)AtessErrorKind.Unavailable) },
            calls.Select(c => (c.Api, c.Target, c.Succeeded, c.Error)));
    }

    [Fact]
    public async Task Numbers_as_strings_rows_in_data_and_missing_fields_are_read()
    {
        var page = await AnsweredAsync("""{"code":"0","data":[{"deviceSn":"UMD0D23202","time":"2023-11-10 00:05:00","ppv":"12.5","capacity":"N/A"},{"deviceSn":"UMD0D23202","time":"2023-11-10 00:10:00"}],"msg":"operate successfully"}""",
            c => c.GetHistoryAsync(AtessFamily.Pbd, "UMD0D23202", new DateTime(2023, 11, 10), new DateTime(2023, 11, 10, 23, 59, 59), 1, 2));

        Assert.Equal([12.5, null], page.Items.Select(r => r.Values.GetValueOrDefault("ppv")));
        Assert.Null(page.Items[0].Values["capacity"]);
        Assert.Null(page.Total);
        Assert.True(page.HasMore); // rows directly in data: a full page may have a next one
    }

    [Fact]
    public void The_catalogue_keeps_every_label_and_unit_of_the_reference()
    {
        var catalogue = new AtessCatalogue();
        var fields = BodyFields("atess-openapi-hps-central-realtime.response-body.txt").Where(f => f.Name is not ("code" or "msg" or "deviceSn" or "time")).ToList();
        Assert.Equal(130, fields.Count);
        foreach (var (name, _, label) in fields)
        {
            var info = catalogue.Describe("HPS100", name);
            (string Reference, string Shown) shown = AtessCatalogue.Corrections.TryGetValue(name, out var fix) ? fix : (label, label);
            Assert.Equal(label, shown.Reference);
            Assert.True(Matches(shown.Shown, info), $"{name}: the reference says \"{shown.Shown}\", the catalogue \"{info.Label}\" in \"{info.Unit}\"");
            Assert.NotEqual(RawValueInfo.OtherGroup, info.Group);
        }
        Assert.Equal(("D.Import from Grid", "kWh"), (catalogue.Describe("HPS150HV", "egridToday").Label, catalogue.Describe("HPS150HV", "egridToday").Unit));
        Assert.Equal(("Max.Cell Voltage", "V"), (catalogue.Describe("BCU", "maxVolt").Label, catalogue.Describe("BCU", "maxVolt").Unit));
    }

    [Fact]
    public void Hv_models_take_the_labels_of_the_additional_parameters_table()
    {
        var catalogue = new AtessCatalogue();
        var rows = Fixture("atess-openapi-hps-central-realtime.hv-additional-parameters.txt").Split('\n').Select(l => l.Trim())
            .Where(l => l.Contains("HPS100HV/HPS150HV", StringComparison.Ordinal)).Select(l => l.Split("HPS100HV/HPS150HV")).ToList();
        Assert.Equal(17, rows.Count);
        foreach (var parts in rows)
            Assert.Equal(parts[1], catalogue.Describe("HPS150HV", parts[0]).Label);
        Assert.Equal("PV Power", catalogue.Describe("HPS50", "ppv").Label); // other models: the main list's label
    }

    /// <summary>"Label (unit)" or "Label(unit)" as the reference writes it, or a label without a unit.</summary>
    private static bool Matches(string reference, RawValueInfo info) =>
        reference == $"{info.Label} ({info.Unit})" || reference == $"{info.Label}({info.Unit})" || (reference == info.Label && !reference.EndsWith(')'));
}
