using System.Net;

namespace SolarDashboard.Tests.Sandbox.Redex;

/// <summary>Field notes: the api_key token call, the refresh_token call, and their lifetimes on the simulated clock.</summary>
public sealed class RedexTokenTests
{
    private static string Refresh(string refreshToken, string client = RedexCall.Client) =>
        $$"""{"GrantType":"refresh_token","RefreshToken":"{{refreshToken}}","ClientId":"{{client}}"}""";

    private static async Task<RedexAnswer> ProbeAsync(RedexCall redex, string token) =>
        await redex.GetAsync("generation-datas/statuses?ProcessId=00000000-0000-0000-0000-000000000000", token);

    [Fact]
    public async Task The_token_call_answers_a_bearer_token_for_an_hour_and_a_refresh_token_in_the_envelope()
    {
        var redex = await RedexCall.StartAsync();
        await using var _ = redex.Sandbox;
        var answer = await redex.TokenAsync();

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal(["Data", "StatusCode", "Message"], answer.Body!.Select(p => p.Key));
        Assert.Equal((200, "Success"), (answer.StatusCode, answer.Message));
        Assert.Equal(["AccessToken", "RefreshToken", "ExpiresIn", "TokenType"], answer.Data.Select(p => p.Key));
        Assert.Equal(3600, answer.Data["ExpiresIn"]!.GetValue<int>());
        Assert.Equal("Bearer", answer.Data["TokenType"]!.GetValue<string>());
        Assert.NotEqual(answer.Data["AccessToken"]!.GetValue<string>(), answer.Data["RefreshToken"]!.GetValue<string>());
        // The token opens the API: an unknown process is "not found", not "unauthorized".
        Assert.Equal(HttpStatusCode.NotFound, (await ProbeAsync(redex, answer.Data["AccessToken"]!.GetValue<string>())).Status);
    }

    [Theory]
    [InlineData("wrong-key", RedexCall.Client, RedexCall.Secret)]
    [InlineData(RedexCall.Key, RedexCall.Client, "wrong-secret")]
    [InlineData(RedexCall.Key, "unknown-client", RedexCall.Secret)]
    [InlineData(RedexCall.OtherKey, RedexCall.Client, RedexCall.Secret)]
    public async Task Wrong_credentials_get_401_without_saying_which_one(string key, string client, string secret)
    {
        var redex = await RedexCall.StartAsync();
        await using var _ = redex.Sandbox;
        var answer = await redex.TokenAsync(key, client, secret);
        Assert.Equal(HttpStatusCode.Unauthorized, answer.Status);
        Assert.Equal((401, "Invalid ApiKey, ClientId or ClientSecret"), (answer.StatusCode, answer.Message));
        Assert.Null(answer.Body!["Data"]);
    }

    [Fact]
    public async Task A_token_call_with_another_grant_type_or_missing_fields_or_broken_json_is_refused()
    {
        var redex = await RedexCall.StartAsync();
        await using var _ = redex.Sandbox;
        var grant = await redex.PostAsync("connect/token", """{"GrantType":"password","ApiKey":"demo-redex-key","ClientId":"demo-redex-client","ClientSecret":"demo-redex-secret"}""");
        Assert.Equal((HttpStatusCode.BadRequest, "GrantType must be api_key"), (grant.Status, grant.Message));

        var missing = await redex.PostAsync("connect/token", """{"GrantType":"api_key","ClientId":"demo-redex-client"}""");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, missing.Status);
        Assert.Equal(["ApiKey", "ClientSecret"], missing.Errors.Select(e => e.Key));

        var broken = await redex.PostAsync("connect/token", """{"GrantType":"api_key",""");
        Assert.Equal((HttpStatusCode.BadRequest, 400), (broken.Status, broken.StatusCode));
    }

    [Fact]
    public async Task The_access_token_expires_after_one_simulated_hour()
    {
        var redex = await RedexCall.StartAsync();
        await using var _ = redex.Sandbox;
        var token = await redex.AccessTokenAsync();
        redex.Sandbox.Time.Advance(TimeSpan.FromMinutes(59) + TimeSpan.FromSeconds(59));
        Assert.Equal(HttpStatusCode.NotFound, (await ProbeAsync(redex, token)).Status);

        redex.Sandbox.Time.Advance(TimeSpan.FromSeconds(1));
        var expired = await ProbeAsync(redex, token);
        Assert.Equal(HttpStatusCode.Unauthorized, expired.Status);
        Assert.Equal((401, "The token has expired"), (expired.StatusCode, expired.Message));
        Assert.Equal("Bearer error=\"invalid_token\"", expired.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task A_refresh_answers_a_new_pair_and_the_used_refresh_token_stops_working()
    {
        var redex = await RedexCall.StartAsync();
        await using var _ = redex.Sandbox;
        var first = (await redex.TokenAsync()).Data;
        redex.Sandbox.Time.Advance(TimeSpan.FromHours(2));
        Assert.Equal(HttpStatusCode.Unauthorized, (await ProbeAsync(redex, first["AccessToken"]!.GetValue<string>())).Status);

        var refreshed = await redex.PostAsync("connect/token/refresh", Refresh(first["RefreshToken"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.OK, refreshed.Status);
        Assert.Equal(["AccessToken", "RefreshToken", "ExpiresIn", "TokenType"], refreshed.Data.Select(p => p.Key));
        Assert.NotEqual(first["RefreshToken"]!.GetValue<string>(), refreshed.Data["RefreshToken"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, (await ProbeAsync(redex, refreshed.Data["AccessToken"]!.GetValue<string>())).Status);

        var reused = await redex.PostAsync("connect/token/refresh", Refresh(first["RefreshToken"]!.GetValue<string>()));
        Assert.Equal((HttpStatusCode.Unauthorized, "The refresh token is invalid"), (reused.Status, reused.Message));
    }

    [Fact]
    public async Task The_refresh_token_expires_after_thirty_simulated_days()
    {
        var redex = await RedexCall.StartAsync();
        await using var _ = redex.Sandbox;
        var early = (await redex.TokenAsync()).Data["RefreshToken"]!.GetValue<string>();
        var late = (await redex.TokenAsync()).Data["RefreshToken"]!.GetValue<string>();
        redex.Sandbox.Time.Advance(TimeSpan.FromDays(30) - TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.OK, (await redex.PostAsync("connect/token/refresh", Refresh(early))).Status);

        redex.Sandbox.Time.Advance(TimeSpan.FromSeconds(1));
        var expired = await redex.PostAsync("connect/token/refresh", Refresh(late));
        Assert.Equal((HttpStatusCode.Unauthorized, 401, "The refresh token has expired"), (expired.Status, expired.StatusCode, expired.Message));
    }

    [Fact]
    public async Task A_refresh_is_refused_for_an_unknown_token_another_client_or_the_wrong_grant_type()
    {
        var redex = await RedexCall.StartAsync();
        await using var _ = redex.Sandbox;
        var refresh = (await redex.TokenAsync()).Data["RefreshToken"]!.GetValue<string>();

        var unknown = await redex.PostAsync("connect/token/refresh", Refresh("no-such-token"));
        Assert.Equal((HttpStatusCode.Unauthorized, "The refresh token is invalid"), (unknown.Status, unknown.Message));
        var otherClient = await redex.PostAsync("connect/token/refresh", Refresh(refresh, RedexCall.OtherClient));
        Assert.Equal((HttpStatusCode.Unauthorized, "The refresh token is invalid"), (otherClient.Status, otherClient.Message));
        var grant = await redex.PostAsync("connect/token/refresh", $$"""{"GrantType":"api_key","RefreshToken":"{{refresh}}","ClientId":"demo-redex-client"}""");
        Assert.Equal((HttpStatusCode.BadRequest, "GrantType must be refresh_token"), (grant.Status, grant.Message));
        var missing = await redex.PostAsync("connect/token/refresh", """{"GrantType":"refresh_token"}""");
        Assert.Equal(["RefreshToken", "ClientId"], missing.Errors.Select(e => e.Key));

        // None of these spent the refresh token.
        Assert.Equal(HttpStatusCode.OK, (await redex.PostAsync("connect/token/refresh", Refresh(refresh))).Status);
    }
}
