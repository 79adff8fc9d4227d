using System.Net;

namespace SolarDashboard.Tests.Sandbox.Redex;

/// <summary>Field notes: 60 requests a minute per business account, then 429 with Retry-After.</summary>
public sealed class RedexRateLimitTests
{
    // Any authenticated call counts; a status query for nothing is the cheapest.
    private static Task<RedexAnswer> CallAsync(RedexCall redex, string token) => redex.GetAsync("generation-datas/statuses?ProcessId=none", token);

    [Fact]
    public async Task The_sixty_first_request_within_a_minute_gets_429_with_retry_after_in_the_envelope()
    {
        var redex = await RedexCall.StartAsync();
        await using var _ = redex.Sandbox;
        var token = await redex.AccessTokenAsync(); // the token call is the first of the 60
        for (var i = 0; i < 59; i++) Assert.Equal(HttpStatusCode.NotFound, (await CallAsync(redex, token)).Status);

        var refused = await CallAsync(redex, token);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.Status);
        Assert.Equal((429, "Too Many Requests"), (refused.StatusCode, refused.Message));
        Assert.Null(refused.Body!["Data"]);
        Assert.Equal(TimeSpan.FromSeconds(60), refused.Headers.RetryAfter!.Delta);

        // A generation-data request over the limit is refused before its body is read, and not stored.
        var data = await redex.SendDataAsync(token, RedexCall.Body(RedexCall.ExampleInverter, [("2026-06-01", "1.000", "1.000")]));
        Assert.Equal(HttpStatusCode.TooManyRequests, data.Status);
        Assert.Empty((await redex.AdminAsync("submissions")).AsArray());
    }

    [Fact]
    public async Task The_window_slides_and_retry_after_says_when_the_oldest_request_leaves_it()
    {
        var redex = await RedexCall.StartAsync();
        await using var _ = redex.Sandbox;
        var token = await redex.AccessTokenAsync();
        for (var i = 0; i < 29; i++) await CallAsync(redex, token);
        redex.Sandbox.Time.Advance(TimeSpan.FromSeconds(40));
        for (var i = 0; i < 30; i++) Assert.Equal(HttpStatusCode.NotFound, (await CallAsync(redex, token)).Status);

        // Any 60 seconds hold at most 60: the 61st waits until the first 30 are a minute old.
        var refused = await CallAsync(redex, token);
        Assert.Equal(TimeSpan.FromSeconds(20), refused.Headers.RetryAfter!.Delta);
        redex.Sandbox.Time.Advance(TimeSpan.FromSeconds(19));
        Assert.Equal(HttpStatusCode.TooManyRequests, (await CallAsync(redex, token)).Status);
        redex.Sandbox.Time.Advance(TimeSpan.FromSeconds(1));
        // The first 30 left the window together: 30 more fit, not 31.
        for (var i = 0; i < 30; i++) Assert.Equal(HttpStatusCode.NotFound, (await CallAsync(redex, token)).Status);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await CallAsync(redex, token)).Status);
    }

    [Fact]
    public async Task The_limit_is_per_account_and_refused_requests_do_not_count()
    {
        var redex = await RedexCall.StartAsync();
        await using var _ = redex.Sandbox;
        var token = await redex.AccessTokenAsync();
        for (var i = 0; i < 70; i++) await CallAsync(redex, token);
        var other = await redex.AccessTokenAsync(RedexCall.OtherKey, RedexCall.OtherClient, RedexCall.OtherSecret);
        Assert.Equal(HttpStatusCode.NotFound, (await CallAsync(redex, other)).Status);

        var traffic = await redex.AdminAsync($"traffic/{RedexCall.Client}");
        Assert.Equal(60, traffic["admitted"]!.GetValue<int>());
        Assert.Equal(11, traffic["refused"]!.GetValue<int>());
        Assert.Equal(60, traffic["peakPerMinute"]!.GetValue<int>());
        Assert.Equal(60, traffic["limitPerMinute"]!.GetValue<int>());
        Assert.Equal(11, traffic["byStatus"]!["429"]!.GetValue<int>());
        Assert.Equal(59, traffic["byStatus"]!["404"]!.GetValue<int>());

        // Once the minute has passed, the account is admitted again.
        redex.Sandbox.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.NotFound, (await CallAsync(redex, token)).Status);
    }

    [Fact]
    public async Task Calls_without_a_valid_token_are_not_counted_against_the_account()
    {
        var redex = await RedexCall.StartAsync();
        await using var _ = redex.Sandbox;
        for (var i = 0; i < 70; i++) Assert.Equal(HttpStatusCode.Unauthorized, (await CallAsync(redex, "forged")).Status);
        var token = await redex.AccessTokenAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await CallAsync(redex, token)).Status);
    }
}
