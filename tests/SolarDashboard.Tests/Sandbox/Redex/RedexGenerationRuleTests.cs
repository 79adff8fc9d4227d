using System.Globalization;
using System.Net;
using SolarDashboard.Sandbox.Redex;

namespace SolarDashboard.Tests.Sandbox.Redex;

/// <summary>
/// Every documented rule of generation data gets its documented answer: 422 with Errors [{Key, Message}] naming the
/// field, 403 for another account's device, 400 for a body that is not the documented JSON. Nothing refused is stored.
/// The clock is pinned at 2026-06-17 10:00 UTC.
/// </summary>
public sealed class RedexGenerationRuleTests : IAsyncLifetime
{
    private RedexCall _redex = null!;
    private string _token = "";

    public async Task InitializeAsync()
    {
        _redex = await RedexCall.StartAsync();
        _token = await _redex.AccessTokenAsync();
    }

    public async Task DisposeAsync() => await _redex.Sandbox.DisposeAsync();

    private Task<RedexAnswer> SendAsync(string body) => _redex.SendDataAsync(_token, body);

    private static string Example(params (string, string, string)[] records) => RedexCall.Body(RedexCall.ExampleInverter, records);

    private async Task<RedexAnswer> RefusedAsync(string body, params string[] keys)
    {
        var answer = await SendAsync(body);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, answer.Status);
        Assert.Equal((422, "Unprocessable Entity"), (answer.StatusCode, answer.Message));
        Assert.Null(answer.Body!["Data"]);
        Assert.Equal(keys, answer.Errors.Select(e => e.Key));
        return answer;
    }

    private async Task<int> StoredDaysAsync(string remoteInvId = RedexCall.ExampleInverter) =>
        (await _redex.AdminAsync($"inverters/{remoteInvId}/days")).AsArray().Count;

    [Fact]
    public async Task An_unknown_remote_inv_id_is_refused_with_422()
    {
        var answer = await RefusedAsync(RedexCall.Body("STR99999999999999", [("2026-06-01", "1.000", "1.000")]), "RemoteInvId");
        Assert.Equal("No device is registered with RemoteInvId STR99999999999999", answer.Errors[0].Message);
        await RefusedAsync(RedexCall.Body("", [("2026-06-01", "1.000", "1.000")]), "RemoteInvId");
    }

    [Fact]
    public async Task A_device_of_another_account_is_forbidden_and_an_account_without_devices_can_send_nothing()
    {
        var other = await _redex.AccessTokenAsync(RedexCall.OtherKey, RedexCall.OtherClient, RedexCall.OtherSecret);
        foreach (var id in new[] { RedexCall.ExampleInverter, RedexCall.AtessInverter, "STR10000000340001" })
        {
            var answer = await _redex.SendDataAsync(other, RedexCall.Body(id, [("2026-06-01", "1.000", "1.000")]));
            Assert.Equal((HttpStatusCode.Forbidden, 403, "Forbidden"), (answer.Status, answer.StatusCode, answer.Message));
        }
        Assert.Equal(0, await StoredDaysAsync());
    }

    [Theory]
    [InlineData("1.2345", "1.2345", true, true)]
    [InlineData("1.234", "100.1234", false, true)]
    [InlineData("1.2340", "100.123", true, false)] // decimals are counted as written
    public async Task More_than_three_decimals_are_refused_per_value(string period, string total, bool periodRefused, bool totalRefused)
    {
        var answer = await RefusedAsync(Example(("2026-06-01", period, total)),
            [.. new[] { periodRefused ? "Data[0].PeriodProductionInKWh" : null, totalRefused ? "Data[0].AccumulatedPowerInKWh" : null }.OfType<string>()]);
        Assert.All(answer.Errors, e => Assert.EndsWith("has more than 3 decimals", e.Message));
        Assert.Equal(0, await StoredDaysAsync());
    }

    [Theory]
    [InlineData("12", "100")]
    [InlineData("0.5", "100.25")]
    [InlineData("0.000", "0")]
    public async Task Up_to_three_decimals_and_whole_numbers_are_accepted(string period, string total)
    {
        var answer = await SendAsync(Example(("2026-06-01", period, total)));
        Assert.Equal(HttpStatusCode.OK, answer.Status);
    }

    [Theory]
    [InlineData("-1.000", "is negative")]
    [InlineData("1,5", "is not a decimal number")]
    [InlineData("1e3", "is not a decimal number")]
    [InlineData(" 1.0", "is not a decimal number")]
    [InlineData("", "is required")]
    public async Task Values_must_be_non_negative_decimals_written_with_a_dot(string period, string message)
    {
        var answer = await RefusedAsync(Example(("2026-06-01", period, "100.000")), "Data[0].PeriodProductionInKWh");
        Assert.Contains(message, answer.Errors[0].Message);
    }

    [Fact]
    public async Task Three_thousand_records_are_accepted_and_three_thousand_and_one_refused()
    {
        var first = new DateOnly(2017, 1, 1);
        var atLimit = RedexCall.Body(RedexCall.ExampleInverter, RedexCall.Days(first, 3000));
        var overLimit = RedexCall.Body(RedexCall.ExampleInverter, RedexCall.Days(first, 3001));
        var answer = await RefusedAsync(overLimit, "Data");
        Assert.Equal("Data holds 3001 records: at most 3000 are accepted per request", answer.Errors[0].Message);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(atLimit)).Status);
        Assert.Equal(3000, await StoredDaysAsync());
    }

    [Fact]
    public async Task No_records_are_refused()
    {
        await RefusedAsync(Example(), "Data");
        await RefusedAsync("""{"FrequencyType":"Daily","RemoteInvId":"STR10000000338444"}""", "Data");
    }

    [Fact]
    public async Task A_decreasing_accumulated_value_within_the_request_is_refused()
    {
        var answer = await RefusedAsync(Example(("2026-06-01", "1.000", "100.000"), ("2026-06-03", "1.000", "101.000"), ("2026-06-02", "1.000", "102.000")),
            "Data[1].AccumulatedPowerInKWh");
        // Checked in date order, whatever the order of the records.
        Assert.Equal("The accumulated value decreases: 101.000 on 2026-06-03 is below 102.000 on 2026-06-02 (in this request)", answer.Errors[0].Message);
        Assert.Equal(0, await StoredDaysAsync());
    }

    [Fact]
    public async Task A_decreasing_accumulated_value_against_what_was_accepted_before_is_refused_both_ways()
    {
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(Example(("2026-06-01", "1.000", "100.000"), ("2026-06-05", "1.000", "110.000")))).Status);

        var below = await RefusedAsync(Example(("2026-06-02", "1.000", "99.999")), "Data[0].AccumulatedPowerInKWh");
        Assert.Equal("The accumulated value decreases: 99.999 on 2026-06-02 is below 100.000 on 2026-06-01 (accepted before)", below.Errors[0].Message);
        var above = await RefusedAsync(Example(("2026-06-03", "1.000", "110.001")), "Data[0].AccumulatedPowerInKWh");
        Assert.Equal("The accumulated value decreases: 110.001 on 2026-06-03 is above 110.000 accepted before for 2026-06-05", above.Errors[0].Message);

        // Equal values on both sides are fine: the counter did not move.
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(Example(("2026-06-02", "0.000", "100.000"), ("2026-06-04", "10.000", "110.000")))).Status);
        Assert.Equal(4, await StoredDaysAsync());
    }

    [Fact]
    public async Task A_date_after_the_registry_s_utc_date_is_in_the_future()
    {
        // At 10:00 UTC the 18th has just begun in UTC+14; the registry still counts by its UTC date.
        var future = await RefusedAsync(Example(("2026-06-18", "1.000", "1.000")), "Data[0].Timestamp");
        Assert.Equal("2026-06-18 is in the future (the registry's date is 2026-06-17, UTC)", future.Errors[0].Message);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(Example(("2026-06-17", "1.000", "1.000")))).Status);

        // At 23:59 UTC the 18th has begun in every zone east of UTC, and is still refused until UTC midnight.
        _redex.Sandbox.Time.Advance(TimeSpan.FromHours(13) + TimeSpan.FromMinutes(59));
        _token = await _redex.AccessTokenAsync();
        await RefusedAsync(Example(("2026-06-18", "1.000", "2.000")), "Data[0].Timestamp");
        _redex.Sandbox.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(Example(("2026-06-18", "1.000", "2.000")))).Status);
    }

    [Fact]
    public async Task A_date_before_the_device_s_start_date_or_not_in_yyyy_mm_dd_is_refused()
    {
        // The ATESS inverter's start date is the day its datalog was added in the simulated fleet.
        var start = _redex.Sandbox.Service<RedexDirectory>().Inverter(RedexCall.AtessInverter)!.StartDate;
        var before = start.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var early = await _redex.SendDataAsync(_token, RedexCall.Body(RedexCall.AtessInverter, [(before, "1.000", "1.000")]));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, early.Status);
        Assert.Equal(("Data[0].Timestamp", $"{before} is before the device's start date {start:yyyy-MM-dd}"), early.Errors.Single());

        foreach (var bad in new[] { "2026-6-1", "01/06/2026", "2026-06-01T00:00:00", "2026-02-30", "" })
            await RefusedAsync(Example((bad, "1.000", "1.000")), "Data[0].Timestamp");
    }

    [Fact]
    public async Task The_same_date_twice_in_one_request_is_refused()
    {
        var answer = await RefusedAsync(Example(("2026-06-01", "1.000", "1.000"), ("2026-06-01", "1.000", "1.000")), "Data[1].Timestamp");
        Assert.Equal("2026-06-01 is already given in Data[0] of this request", answer.Errors[0].Message);
    }

    [Theory]
    [InlineData("Monthly")]
    [InlineData("Hourly")]
    [InlineData("daily")]
    [InlineData("")]
    public async Task A_frequency_type_other_than_daily_is_refused(string frequency)
    {
        await RefusedAsync(RedexCall.Body(RedexCall.ExampleInverter, [("2026-06-01", "1.000", "1.000")], frequency), "FrequencyType");
    }

    [Fact]
    public async Task Every_broken_rule_of_a_request_is_listed_at_once()
    {
        var answer = await RefusedAsync(RedexCall.Body(RedexCall.ExampleInverter, [("2026-06-01", "1.0001", "1.000"), ("2099-01-01", "1.000", "")], "Weekly"),
            "FrequencyType", "Data[0].PeriodProductionInKWh", "Data[1].Timestamp", "Data[1].AccumulatedPowerInKWh");
        Assert.Equal(4, answer.Errors.Count);
    }

    [Theory]
    [InlineData("""{"Data":[{"Timestamp":"2026-06-01","PeriodProductionInKWh":1.5,"AccumulatedPowerInKWh":"1.500"}],"FrequencyType":"Daily","RemoteInvId":"STR10000000338444"}""", "Data[0].PeriodProductionInKWh must be a JSON string")]
    [InlineData("""{"Data":{"Timestamp":"2026-06-01"},"FrequencyType":"Daily","RemoteInvId":"STR10000000338444"}""", "Data must be a JSON array")]
    [InlineData("""[{"Timestamp":"2026-06-01"}]""", "The request body is not a JSON object")]
    [InlineData("""{"Data":[{"Timestamp":"2026-06-01",}]}""", "The request body is not a JSON object")]
    [InlineData("", "The request body is not a JSON object")]
    public async Task A_body_that_is_not_the_documented_json_gets_400(string body, string message)
    {
        var answer = await SendAsync(body);
        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal((400, message), (answer.StatusCode, answer.Message));
        Assert.Null(answer.Body!["Data"]);
    }

    [Fact]
    public async Task Member_names_match_case_insensitively_as_an_asp_net_core_server_binds_them()
    {
        var answer = await SendAsync("""{"data":[{"timestamp":"2026-06-01","periodProductionInKWh":"1.000","accumulatedPowerInKWh":"1.000"}],"frequencyType":"Daily","remoteInvId":"STR10000000338444"}""");
        Assert.Equal(HttpStatusCode.OK, answer.Status);
    }

    [Fact]
    public async Task A_missing_or_expired_token_gets_401_and_nothing_is_stored()
    {
        var body = Example(("2026-06-01", "1.000", "1.000"));
        var none = await _redex.PostAsync("generation-data", body);
        Assert.Equal((HttpStatusCode.Unauthorized, "Unauthorized"), (none.Status, none.Message));
        Assert.Equal("Bearer", none.Headers.WwwAuthenticate.ToString());

        _redex.Sandbox.Time.Advance(TimeSpan.FromHours(1));
        var expired = await SendAsync(body);
        Assert.Equal((HttpStatusCode.Unauthorized, "The token has expired"), (expired.Status, expired.Message));
        Assert.Equal(0, await StoredDaysAsync());
    }
}
