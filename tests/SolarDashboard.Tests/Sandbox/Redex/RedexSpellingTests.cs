using System.Net;

namespace SolarDashboard.Tests.Sandbox.Redex;

/// <summary>
/// Field notes: newer documentation spells the path generation-datas and the field AccumulatedEnergyInKWh. Both paths
/// take either field name; the registry records which spelling reached it.
/// </summary>
public sealed class RedexSpellingTests
{
    [Theory]
    [InlineData("generation-data", "AccumulatedPowerInKWh")]
    [InlineData("generation-datas", "AccumulatedEnergyInKWh")]
    [InlineData("generation-data", "AccumulatedEnergyInKWh")]
    [InlineData("generation-datas", "AccumulatedPowerInKWh")]
    public async Task Both_paths_take_both_spellings_of_the_accumulated_value(string path, string field)
    {
        var redex = await RedexCall.StartAsync();
        await using var _ = redex.Sandbox;
        var token = await redex.AccessTokenAsync();
        var body = RedexCall.Body(RedexCall.AtessInverter, RedexCall.Days(new DateOnly(2026, 6, 1), 3), accumulatedField: field);

        var answer = await redex.SendDataAsync(token, body, path);
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        var submission = Assert.Single((await redex.AdminAsync("submissions")).AsArray());
        Assert.Equal((path, field, answer.ProcessId), (submission!["path"]!.GetValue<string>(), submission["accumulatedField"]!.GetValue<string>(), submission["processId"]!.GetValue<string>()));
        var days = (await redex.AdminAsync($"inverters/{RedexCall.AtessInverter}/days")).AsArray();
        Assert.Equal(["1010.500", "1021.000", "1031.500"], days.Select(d => d!["current"]!["accumulatedInKWh"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData("generation-data", "AccumulatedPowerInKWh")]
    [InlineData("generation-datas", "AccumulatedEnergyInKWh")]
    public async Task A_missing_accumulated_value_is_named_in_the_path_s_spelling(string path, string field)
    {
        var redex = await RedexCall.StartAsync();
        await using var _ = redex.Sandbox;
        var answer = await redex.SendDataAsync(await redex.AccessTokenAsync(),
            """{"Data":[{"Timestamp":"2026-06-01","PeriodProductionInKWh":"1.000"}],"FrequencyType":"Daily","RemoteInvId":"STR10000000350001"}""", path);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, answer.Status);
        Assert.Equal(($"Data[0].{field}", $"{field} is required"), answer.Errors.Single());
    }

    [Fact]
    public async Task Both_spellings_in_one_record_must_agree()
    {
        var redex = await RedexCall.StartAsync();
        await using var _ = redex.Sandbox;
        var token = await redex.AccessTokenAsync();
        var differ = await redex.SendDataAsync(token,
            """{"Data":[{"Timestamp":"2026-06-01","PeriodProductionInKWh":"1.000","AccumulatedPowerInKWh":"5.000","AccumulatedEnergyInKWh":"6.000"}],"FrequencyType":"Daily","RemoteInvId":"STR10000000350001"}""");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, differ.Status);
        Assert.Equal("Data[0].AccumulatedEnergyInKWh", differ.Errors.Single().Key);

        var agree = await redex.SendDataAsync(token,
            """{"Data":[{"Timestamp":"2026-06-01","PeriodProductionInKWh":"1.000","AccumulatedPowerInKWh":"5.000","AccumulatedEnergyInKWh":"5.000"}],"FrequencyType":"Daily","RemoteInvId":"STR10000000350001"}""");
        Assert.Equal(HttpStatusCode.OK, agree.Status);
    }

    [Fact]
    public async Task The_status_query_exists_only_under_the_newer_spelling()
    {
        var redex = await RedexCall.StartAsync();
        await using var _ = redex.Sandbox;
        var token = await redex.AccessTokenAsync();
        var id = (await redex.SendDataAsync(token, RedexCall.Body(RedexCall.AtessInverter, RedexCall.Days(new DateOnly(2026, 6, 1), 1)))).ProcessId;
        Assert.Equal(HttpStatusCode.OK, (await redex.GetAsync($"generation-datas/statuses?ProcessId={id}", token)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await redex.GetAsync($"generation-data/statuses?ProcessId={id}", token)).Status);
    }
}
