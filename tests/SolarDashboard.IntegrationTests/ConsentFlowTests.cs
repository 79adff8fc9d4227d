using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using System.Web;
using Microsoft.Data.Sqlite;
using SolarDashboard.Testing;

namespace SolarDashboard.IntegrationTests;

/// <summary>One app (demo mode) shared by the consent tests; each test signs in its own sessions.</summary>
public sealed class ConsentAppFixture : IAsyncLifetime
{
    public AppProcess App { get; private set; } = null!;

    public async Task InitializeAsync() => App = await AppProcess.StartAsync();

    public async Task DisposeAsync() => await App.DisposeAsync();
}

/// <summary>
/// FusionSolar owner consent (reference 3.1) through the app and the sandbox, following every redirect: the app's
/// connect form, the sandbox's sign-in and permission page, the callback, the landing page. Then each documented failure.
/// </summary>
public sealed class ConsentFlowTests(ConsentAppFixture fixture) : IClassFixture<ConsentAppFixture>
{
    private AppProcess App => fixture.App;

    [Fact]
    public async Task Anna_connects_her_account_sees_her_plant_and_the_token_is_nowhere_in_clear()
    {
        using var anna = await BrowserlessSession.SignInAsync(App.BaseAddress, "owner-anna");
        var authorize = await StartConsentAsync(anna);
        // The documented parameters (3.1.2.2): response_type, the 9-digit client_id, the URL-encoded redirect URI, both scopes, our state.
        var q = HttpUtility.ParseQueryString(authorize.Query);
        Assert.Equal("code", q["response_type"]);
        Assert.Equal("123456789", q["client_id"]);
        Assert.Equal(App.BaseAddress + "connections/fusionsolar/callback", q["redirect_uri"]);
        Assert.Contains("redirect_uri=" + Uri.EscapeDataString(App.BaseAddress + "connections/fusionsolar/callback"), authorize.OriginalString);
        Assert.Contains("scope=pvms.openapi.basic%20pvms.openapi.control", authorize.OriginalString);
        Assert.False(string.IsNullOrEmpty(q["state"]));

        var callback = await ApproveAsync(anna, authorize, "owner-anna");
        using var landed = await anna.Client.GetAsync(callback);
        Assert.Equal(HttpStatusCode.Redirect, landed.StatusCode);
        var plantsUrl = landed.Headers.Location!.OriginalString;
        Assert.StartsWith("/plants?connected=", plantsUrl);

        await FindPlantAsync(anna, "Anna's Home");

        // Tokens at rest: the database file holds neither the access nor the refresh token in clear; nor does the log.
        var tokens = await App.Client.GetFromJsonAsync<string[]>("sandbox/admin/oauth/tokens/owner-anna");
        Assert.NotEmpty(tokens!);
        var bytes = await ReadDatabaseAsync();
        foreach (var token in tokens!)
        {
            Assert.Equal(-1, IndexOf(bytes, Encoding.UTF8.GetBytes(token)));
            Assert.DoesNotContain(token, App.Output);
        }

        // Replaying the same callback (state already spent) is refused, and changes nothing.
        using var replay = await anna.Client.GetAsync(callback);
        Assert.Equal("/connections/fusionsolar/failed?reason=BadState&purpose=Connect", replay.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Ben_does_not_see_annas_plant_anywhere()
    {
        using var anna = await BrowserlessSession.SignInAsync(App.BaseAddress, "owner-anna");
        var plantId = await ConnectAndFindPlantAsync(anna, "owner-anna", "Anna's Home");
        using var ben = await BrowserlessSession.SignInAsync(App.BaseAddress, "owner-ben");
        AssertNothingOfAnna(await ben.Client.GetStringAsync("/plants"));
        AssertNothingOfAnna(await ben.Client.GetStringAsync("/alarms"));
        AssertNothingOfAnna(await ben.Client.GetStringAsync("/devices"));
        AssertNothingOfAnna(await ben.Client.GetStringAsync("/connections"));
        var page = await ben.Client.GetStringAsync($"/plants/{plantId}");
        Assert.Contains("Not found", page);
        AssertNothingOfAnna(page);
    }

    [Fact]
    public async Task Denying_consent_shows_a_plain_page_with_a_retry()
    {
        using var anna = await BrowserlessSession.SignInAsync(App.BaseAddress, "owner-anna");
        var callback = await ApproveAsync(anna, await StartConsentAsync(anna), "owner-anna", allow: false);
        Assert.Contains("error=10002", callback.Query);
        var page = await FailurePageAsync(anna, callback, "Denied");
        Assert.Contains("You did not allow access", page);
        Assert.Contains("data-testid=\"consent-retry\"", page);
    }

    [Fact]
    public async Task An_unknown_scope_comes_back_as_invalid_scope()
    {
        using var anna = await BrowserlessSession.SignInAsync(App.BaseAddress, "owner-anna");
        var authorize = await StartConsentAsync(anna);
        // As if the app were configured with a permission set FusionSolar does not know (8.1.1).
        var bad = new Uri(authorize.OriginalString.Replace("scope=pvms.openapi.basic%20pvms.openapi.control", "scope=pvms.openapi.everything"));
        using var answer = await anna.Client.GetAsync(bad);
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        var page = await FailurePageAsync(anna, answer.Headers.Location!, "InvalidScope");
        Assert.Contains("did not accept the requested permissions", page);
    }

    [Fact]
    public async Task A_code_used_before_the_callback_is_refused_as_invalid_grant()
    {
        using var anna = await BrowserlessSession.SignInAsync(App.BaseAddress, "owner-anna");
        var callback = await ApproveAsync(anna, await StartConsentAsync(anna), "owner-anna");
        var code = HttpUtility.ParseQueryString(callback.Query)["code"]!;
        // Someone else spends the code first (8.1.2: a used code answers invalid_grant / 1110).
        using var spent = await App.Client.PostAsync("sandbox/fusionsolar-oauth/rest/dp/uidm/oauth2/v1/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["code"] = code, ["client_id"] = "123456789", ["client_secret"] = "demo-client-secret",
            ["redirect_uri"] = App.BaseAddress + "connections/fusionsolar/callback",
        }));
        Assert.Equal(HttpStatusCode.OK, spent.StatusCode);
        var page = await FailurePageAsync(anna, callback, "CodeRejected");
        Assert.Contains("ran out before it was used", page);
    }

    [Fact]
    public async Task A_tampered_state_is_refused()
    {
        using var anna = await BrowserlessSession.SignInAsync(App.BaseAddress, "owner-anna");
        var callback = await ApproveAsync(anna, await StartConsentAsync(anna), "owner-anna");
        var q = HttpUtility.ParseQueryString(callback.Query);
        var tampered = new Uri(App.BaseAddress, $"connections/fusionsolar/callback?code={Uri.EscapeDataString(q["code"]!)}&state={Uri.EscapeDataString(q["state"]! + "x")}");
        var page = await FailurePageAsync(anna, tampered, "BadState");
        Assert.Contains("could not be matched to you", page);
        // The genuine answer still works afterwards: a tampered copy does not spend the real state.
        using var genuine = await anna.Client.GetAsync(callback);
        Assert.StartsWith("/plants?connected=", genuine.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_state_from_another_users_session_is_refused()
    {
        using var anna = await BrowserlessSession.SignInAsync(App.BaseAddress, "owner-anna");
        using var ben = await BrowserlessSession.SignInAsync(App.BaseAddress, "owner-ben");
        var callback = await ApproveAsync(anna, await StartConsentAsync(anna), "owner-anna");
        // Ben is lured to Anna's callback (or the reverse): bound to Anna's session, so Ben gets nothing.
        await FailurePageAsync(ben, callback, "BadState");
        AssertNothingOfAnna(await ben.Client.GetStringAsync("/plants"));
    }

    [Fact]
    public async Task A_state_older_than_ten_minutes_is_refused()
    {
        using var anna = await BrowserlessSession.SignInAsync(App.BaseAddress, "owner-anna");
        var callback = await ApproveAsync(anna, await StartConsentAsync(anna), "owner-anna");
        await App.AdvanceClockAsync(11);
        var page = await FailurePageAsync(anna, callback, "ExpiredState");
        Assert.Contains("took too long", page);
    }

    [Fact]
    public async Task An_expired_code_is_refused_as_invalid_grant()
    {
        using var anna = await BrowserlessSession.SignInAsync(App.BaseAddress, "owner-anna");
        var callback = await ApproveAsync(anna, await StartConsentAsync(anna), "owner-anna");
        await App.AdvanceClockAsync(6); // codes live 5 minutes, states 10
        await FailurePageAsync(anna, callback, "CodeRejected");
    }

    [Fact]
    public async Task Unsupported_grant_type_gets_its_own_page()
    {
        using var anna = await BrowserlessSession.SignInAsync(App.BaseAddress, "owner-anna");
        var callback = await ApproveAsync(anna, await StartConsentAsync(anna), "owner-anna");
        await SetQuirkAsync(true);
        try
        {
            var page = await FailurePageAsync(anna, callback, "UnsupportedGrantType");
            Assert.Contains("unsupported grant type", page);
        }
        finally
        {
            await SetQuirkAsync(false);
        }
    }

    [Fact]
    public async Task Consent_without_the_control_scope_can_add_it_later_on_the_same_connection()
    {
        using var ben = await BrowserlessSession.SignInAsync(App.BaseAddress, "owner-ben");
        var callback = await ApproveAsync(ben, await StartConsentAsync(ben), "owner-ben", scopes: ["pvms.openapi.basic"]);
        using var landed = await ben.Client.GetAsync(callback);
        var connectionId = int.Parse(landed.Headers.Location!.OriginalString.Split('=')[1]);
        var connections = await ben.Client.GetStringAsync("/connections");
        Assert.Contains("Control not allowed", connections);
        Assert.Contains("data-testid=\"add-control\"", connections);

        var again = await ApproveAsync(ben, await StartConsentAsync(ben, "AddControl", connectionId), "owner-ben");
        using var landedAgain = await ben.Client.GetAsync(again);
        Assert.Equal($"/plants?connected={connectionId}", landedAgain.Headers.Location!.OriginalString);
        connections = await ben.Client.GetStringAsync("/connections");
        Assert.Contains("Battery and feed-in control allowed", connections);
        Assert.Single(Regex.Matches(connections, "data-testid=\"connection\""));
    }

    [Fact]
    public async Task A_revoked_consent_shows_needs_reauthorization_and_one_click_reconsent_repairs_it()
    {
        using var ben = await BrowserlessSession.SignInAsync(App.BaseAddress, "owner-ben");
        await ConnectAndFindPlantAsync(ben, "owner-ben", "Ben's Home");
        using (await App.Client.PostAsync("sandbox/admin/oauth/revoke/owner-ben", null)) { }
        await App.AdvanceClockAsync(61); // the access token runs out; its refresh is refused
        await AppProcess.WaitUntilAsync(async () => (await ben.Client.GetStringAsync("/connections")).Contains("data-connection-state=\"NeedsReauthorization\""),
            TimeSpan.FromSeconds(60), "the connection to need re-authorization");
        var page = await ben.Client.GetStringAsync("/connections");
        var id = int.Parse(Regex.Match(page, "data-connection-id=\"(\\d+)\" data-connection-state=\"NeedsReauthorization\"").Groups[1].Value);
        Assert.Contains("data-testid=\"reauthorize\"", page);

        using var landed = await ben.Client.GetAsync(await ApproveAsync(ben, await StartConsentAsync(ben, "Reauthorize", id), "owner-ben"));
        Assert.Equal($"/plants?connected={id}", landed.Headers.Location!.OriginalString);
        await AppProcess.WaitUntilAsync(async () => (await ben.Client.GetStringAsync("/connections")).Contains($"data-connection-id=\"{id}\" data-connection-state=\"Connected\""),
            TimeSpan.FromSeconds(60), "the connection to work again");
    }

    [Fact]
    public async Task The_connect_form_needs_its_antiforgery_token()
    {
        using var anna = await BrowserlessSession.SignInAsync(App.BaseAddress, "owner-anna");
        using var response = await anna.Client.PostAsync("/connections/fusionsolar/connect", new FormUrlEncodedContent(new Dictionary<string, string> { ["purpose"] = "Connect" }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    /// <summary>Neither Anna's plant nor her name (a bare "Anna" could turn up inside a random token).</summary>
    private static void AssertNothingOfAnna(string html)
    {
        Assert.DoesNotContain("Anna&#x27;s Home", html);
        Assert.DoesNotContain("Anna's Home", html);
        Assert.DoesNotContain("Anna Owner", html);
    }

    // ---- helpers: the steps a browser takes ----

    /// <summary>Posts the connect form from /connections (with its anti-forgery token); returns FusionSolar's authorize URL.</summary>
    private async Task<Uri> StartConsentAsync(BrowserlessSession session, string purpose = "Connect", int? connection = null)
    {
        var form = new Dictionary<string, string> { ["purpose"] = purpose };
        if (connection is { } id) form["connection"] = id.ToString();
        using var response = await session.PostFormFromAsync("/connections", "/connections/fusionsolar/connect", form);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.Location!;
    }

    /// <summary>Signs in on the sandbox's FusionSolar page and allows (or denies); returns the callback URL it redirects to.</summary>
    private static async Task<Uri> ApproveAsync(BrowserlessSession session, Uri authorize, string owner, bool allow = true, string[]? scopes = null)
    {
        var html = await session.Client.GetStringAsync(authorize);
        var fields = BrowserlessSession.HiddenFields(html).ToList();
        fields.Add(new("username", owner));
        fields.Add(new("password", "demo"));
        fields.Add(new("decision", allow ? "allow" : "deny"));
        foreach (var scope in scopes ?? ["pvms.openapi.basic", "pvms.openapi.control"]) fields.Add(new("scope", scope));
        using var response = await session.Client.PostAsync(authorize, new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.Location!;
    }

    private async Task<int> ConnectAndFindPlantAsync(BrowserlessSession session, string owner, string plantName)
    {
        using var landed = await session.Client.GetAsync(await ApproveAsync(session, await StartConsentAsync(session), owner));
        Assert.StartsWith("/plants?connected=", landed.Headers.Location!.OriginalString);
        return await FindPlantAsync(session, plantName);
    }

    /// <summary>
    /// Waits until the sync has stored the plant and the session's user can open its page. The plant list fills its rows
    /// in the circuit, so the id comes from the database file (read-only), and the plant page proves the user may see it.
    /// </summary>
    private async Task<int> FindPlantAsync(BrowserlessSession session, string plantName)
    {
        var id = 0;
        await AppProcess.WaitUntilAsync(async () =>
        {
            await using var db = new SqliteConnection($"Data Source={Path.Combine(App.DataDirectory, "solardashboard.db")};Mode=ReadOnly");
            await db.OpenAsync();
            await using var command = db.CreateCommand();
            command.CommandText = "SELECT Id FROM Plants WHERE Name = $name";
            command.Parameters.AddWithValue("$name", plantName);
            id = await command.ExecuteScalarAsync() is long found ? (int)found : 0;
            return id > 0 && (await session.Client.GetStringAsync($"/plants/{id}")).Contains(plantName.Replace("'", "&#x27;"));
        }, TimeSpan.FromSeconds(60), plantName);
        return id;
    }

    private static async Task<string> FailurePageAsync(BrowserlessSession session, Uri callback, string reason)
    {
        using var response = await session.Client.GetAsync(callback);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith($"/connections/fusionsolar/failed?reason={reason}&", location);
        var page = await session.Client.GetStringAsync(location);
        Assert.Contains($"data-reason=\"{reason}\"", page);
        Assert.DoesNotContain("code=", page); // the code never travels further than the callback
        return page;
    }

    private async Task SetQuirkAsync(bool rejectGrantType)
    {
        using var response = await App.Client.PutAsJsonAsync("sandbox/admin/quirks", new { TokenRejectsGrantType = rejectGrantType });
        response.EnsureSuccessStatusCode();
    }

    private async Task<byte[]> ReadDatabaseAsync()
    {
        var bytes = new List<byte>();
        foreach (var file in Directory.EnumerateFiles(App.DataDirectory, "solardashboard.db*"))
        {
            await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var memory = new MemoryStream();
            await stream.CopyToAsync(memory);
            bytes.AddRange(memory.ToArray());
        }
        return [.. bytes];
    }

    private static int IndexOf(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle);
}
