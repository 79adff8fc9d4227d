using System.Net;

namespace SolarDashboard.Tests.Sandbox.Redex;

/// <summary>
/// A day sent again is a correction: the registry stores it as the next version, keeps the previous one, and the
/// latest version that did not fail is the day's value. (The app must never resend without a person deciding; the
/// versions make any resend visible.)
/// </summary>
public sealed class RedexResendTests
{
    [Fact]
    public async Task A_day_sent_again_becomes_version_two_and_the_first_version_is_kept()
    {
        var redex = await RedexCall.StartAsync();
        await using var _ = redex.Sandbox;
        var token = await redex.AccessTokenAsync();
        var first = await redex.SendDataAsync(token, RedexCall.Body(RedexCall.AtessInverter, [("2026-06-01", "10.000", "100.000"), ("2026-06-02", "11.000", "111.000")]));
        redex.Sandbox.Time.Advance(TimeSpan.FromMinutes(10));
        // After a backfill, a person corrects the 2nd.
        var correction = await redex.SendDataAsync(token, RedexCall.Body(RedexCall.AtessInverter, [("2026-06-02", "12.500", "112.500")]));
        Assert.Equal(HttpStatusCode.OK, correction.Status);
        Assert.NotEqual(first.ProcessId, correction.ProcessId);
        redex.Sandbox.Time.Advance(TimeSpan.FromMinutes(10));

        var days = (await redex.AdminAsync($"inverters/{RedexCall.AtessInverter}/days")).AsArray();
        Assert.Equal([1, 2], days.Select(d => d!["versions"]!.AsArray().Count));
        var second = days[1]!;
        Assert.Equal(
            [(1, first.ProcessId, "11.000", "Success"), (2, correction.ProcessId, "12.500", "Success")],
            second["versions"]!.AsArray().Select(v => (v!["version"]!.GetValue<int>(), v["processId"]!.GetValue<string>(),
                v["periodProductionInKWh"]!.GetValue<string>(), v["status"]!.GetValue<string>())));
        Assert.Equal((2, "112.500"), (second["current"]!["version"]!.GetValue<int>(), second["current"]!["accumulatedInKWh"]!.GetValue<string>()));
    }

    [Fact]
    public async Task An_identical_resend_is_still_a_new_version_so_a_duplicate_never_goes_unnoticed()
    {
        var redex = await RedexCall.StartAsync();
        await using var _ = redex.Sandbox;
        var token = await redex.AccessTokenAsync();
        var body = RedexCall.Body(RedexCall.AtessInverter, [("2026-06-01", "10.000", "100.000")]);
        Assert.Equal(HttpStatusCode.OK, (await redex.SendDataAsync(token, body)).Status);
        Assert.Equal(HttpStatusCode.OK, (await redex.SendDataAsync(token, body)).Status);
        var day = Assert.Single((await redex.AdminAsync($"inverters/{RedexCall.AtessInverter}/days")).AsArray())!;
        Assert.Equal(2, day["versions"]!.AsArray().Count);
        Assert.Equal(2, (await redex.AdminAsync($"submissions?remoteInvId={RedexCall.AtessInverter}")).AsArray().Count);
    }

    [Fact]
    public async Task A_correction_is_checked_against_its_neighbours_not_against_the_version_it_replaces()
    {
        var redex = await RedexCall.StartAsync();
        await using var _ = redex.Sandbox;
        var token = await redex.AccessTokenAsync();
        await redex.SendDataAsync(token, RedexCall.Body(RedexCall.AtessInverter, [("2026-06-01", "10.000", "100.000"), ("2026-06-02", "20.000", "120.000"), ("2026-06-03", "5.000", "125.000")]));

        // Lower than the version it replaces, still between its neighbours: accepted.
        Assert.Equal(HttpStatusCode.OK, (await redex.SendDataAsync(token, RedexCall.Body(RedexCall.AtessInverter, [("2026-06-02", "15.000", "115.000")]))).Status);
        // Above the next day: refused.
        var refused = await redex.SendDataAsync(token, RedexCall.Body(RedexCall.AtessInverter, [("2026-06-02", "26.000", "126.000")]));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.Status);
        Assert.Equal("Data[0].AccumulatedPowerInKWh", refused.Errors.Single().Key);
    }
}
