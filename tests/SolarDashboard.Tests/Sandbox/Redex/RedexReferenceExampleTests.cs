using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SolarDashboard.Tests.Support;

namespace SolarDashboard.Tests.Sandbox.Redex;

/// <summary>The reference's literal request and answers ("Send Generation Data"), kept as fixtures.</summary>
public sealed class RedexReferenceExampleTests
{
    private static string Fixture(string file) => ReferenceDocs.Fixture("Redex", file);

    private static JsonObject Literal(string file) => JsonNode.Parse(Fixture(file))!.AsObject();

    /// <summary>Same keys in the same order, same StatusCode, and Data of the same JSON kind (null or object).</summary>
    private static void SameShape(JsonObject reference, JsonObject answer, bool sameMessage = true)
    {
        Assert.Equal(reference.Select(p => p.Key), answer.Select(p => p.Key).Where(k => k != "Errors"));
        Assert.Equal(reference["StatusCode"]!.GetValue<int>(), answer["StatusCode"]!.GetValue<int>());
        Assert.Equal(reference["Data"]?.GetValueKind(), answer["Data"]?.GetValueKind());
        if (sameMessage) Assert.Equal(reference["Message"]!.GetValue<string>(), answer["Message"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_literal_request_is_refused_for_its_four_decimals_in_the_422_envelope_naming_each_value()
    {
        var redex = await RedexCall.StartAsync();
        await using var _ = redex.Sandbox;
        var answer = await redex.SendDataAsync(await redex.AccessTokenAsync(), Fixture("send-generation-data-request-example.json"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, answer.Status);
        SameShape(Literal("send-generation-data-response-422-unprocessable-entity.json"), answer.Body!);
        Assert.Equal(
            [.. Enumerable.Range(0, 3).SelectMany(i => new[] { $"Data[{i}].PeriodProductionInKWh", $"Data[{i}].AccumulatedPowerInKWh" })],
            answer.Errors.Select(e => e.Key));
        Assert.Contains("more than 3 decimals", answer.Errors[0].Message);
        Assert.Empty((await redex.AdminAsync($"inverters/{RedexCall.ExampleInverter}/days")).AsArray());
    }

    [Fact]
    public async Task The_literal_request_with_three_decimals_gets_the_success_envelope_with_a_process_id()
    {
        var redex = await RedexCall.StartAsync();
        await using var _ = redex.Sandbox;
        // The reference's example cut to three decimals (still non-decreasing), as a client sends it.
        var body = Regex.Replace(Fixture("send-generation-data-request-example.json"), @"""(\d+\.\d{3})\d""", "\"$1\"");
        Assert.Contains("\"0.123\"", body);
        var answer = await redex.SendDataAsync(await redex.AccessTokenAsync(), body);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        SameShape(Literal("send-generation-data-response-200-success.json"), answer.Body!);
        Assert.True(Guid.TryParse(answer.ProcessId, out var processId) && processId != Guid.Empty);
        var days = (await redex.AdminAsync($"inverters/{RedexCall.ExampleInverter}/days")).AsArray();
        Assert.Equal(["2023-05-01", "2023-05-02", "2023-05-03"], days.Select(d => d!["date"]!.GetValue<string>()));
        Assert.Equal(["0.123", "0.234", "0.456"], days.Select(d => d!["current"]!["periodProductionInKWh"]!.GetValue<string>()));
        Assert.Equal(["5.123", "5.357", "5.814"], days.Select(d => d!["current"]!["accumulatedInKWh"]!.GetValue<string>()));
    }

    [Fact]
    public async Task No_token_gets_the_literal_401_and_a_bad_token_the_reference_s_example_message()
    {
        var redex = await RedexCall.StartAsync();
        await using var _ = redex.Sandbox;
        var body = Fixture("send-generation-data-request-example.json");

        var none = await redex.PostAsync("generation-data", body);
        Assert.Equal(HttpStatusCode.Unauthorized, none.Status);
        SameShape(Literal("send-generation-data-response-401-unauthorized.json"), none.Body!);

        var bad = await redex.SendDataAsync("not-a-token", body);
        Assert.Equal(HttpStatusCode.Unauthorized, bad.Status);
        SameShape(Literal("send-generation-data-response-401-unauthorized.json"), bad.Body!, sameMessage: false);
        // The response-body table: "Result message ex: The token is invalid".
        var example = Regex.Match(Fixture("send-generation-data-response-body-fields.txt"), @"Result message ex: (.+?) 结果消息").Groups[1].Value;
        Assert.Equal("The token is invalid", example);
        Assert.Equal(example, bad.Message);
    }

    [Fact]
    public async Task Another_account_s_device_gets_the_literal_403()
    {
        var redex = await RedexCall.StartAsync();
        await using var _ = redex.Sandbox;
        var token = await redex.AccessTokenAsync(RedexCall.OtherKey, RedexCall.OtherClient, RedexCall.OtherSecret);
        var answer = await redex.SendDataAsync(token, Fixture("send-generation-data-request-example.json"));
        Assert.Equal(HttpStatusCode.Forbidden, answer.Status);
        SameShape(Literal("send-generation-data-response-403-forbidden.json"), answer.Body!);
    }

    [Fact]
    public async Task Malformed_json_gets_the_400_envelope_with_a_message()
    {
        var redex = await RedexCall.StartAsync();
        await using var _ = redex.Sandbox;
        // The reference prints its 400 example without the comma after null; that is its text, not valid JSON.
        var literal = Fixture("send-generation-data-response-400-bad-request.txt");
        var reference = JsonNode.Parse(literal.Replace("null \"", "null, \"", StringComparison.Ordinal))!.AsObject();

        var answer = await redex.SendDataAsync(await redex.AccessTokenAsync(), Fixture("send-generation-data-request-example.json")[..100]);
        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        SameShape(reference, answer.Body!, sameMessage: false);
        Assert.Equal("The request body is not a JSON object", answer.Message);
    }
}
