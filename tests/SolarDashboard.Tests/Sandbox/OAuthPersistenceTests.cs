using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using SolarDashboard.Sandbox;
using SolarDashboard.Testing;

namespace SolarDashboard.Tests.Sandbox;

/// <summary>
/// The sandbox's OAuth service (reference 3.1) keeps consents, scopes and issued tokens in its own file, so a sandbox
/// restarted on that file honours what it issued before, and forgets nothing it revoked.
/// </summary>
public sealed class OAuthPersistenceTests : IDisposable
{
    private const string Token = SandboxHost.OAuth + "/rest/dp/uidm/oauth2/v1/token";
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("sd-oauth-state-");

    private string StateFile => Path.Combine(_dir.FullName, "sandbox-oauth-state.json");

    private Task<SandboxHost> StartAsync(TimeSpan? later = null) =>
        SandboxHost.StartAsync(o => o.OAuth.StateFile = StateFile, SandboxHost.DefaultStart + (later ?? TimeSpan.Zero));

    public void Dispose() => _dir.Delete(recursive: true);

    private static async Task<int> StationsAsync(SandboxHost sandbox, string accessToken) =>
        (await sandbox.PostAsync("thirdData/stations", """{"pageNo":1}""", bearer: accessToken))["failCode"]!.GetValue<int>();

    private static async Task<(HttpStatusCode Status, JsonObject Body)> RefreshAsync(SandboxHost sandbox, string refreshToken)
    {
        using var response = await sandbox.Client.PostAsync(Token, new FormUrlEncodedContent(
        [
            new("grant_type", "refresh_token"), new("refresh_token", refreshToken),
            new("client_id", "123456789"), new("client_secret", "demo-client-secret"),
        ]));
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject());
    }

    private static string Access(JsonObject answer) => answer["access_token"]!.GetValue<string>();
    private static string Refresh(JsonObject answer) => answer["refresh_token"]!.GetValue<string>();

    [Fact]
    public async Task An_access_token_issued_before_a_restart_is_accepted_after_it()
    {
        JsonObject issued;
        await using (var before = await StartAsync()) issued = await before.ConsentAsync("owner-anna");

        await using var after = await StartAsync(TimeSpan.FromMinutes(30));
        Assert.Equal(0, await StationsAsync(after, Access(issued)));
    }

    [Fact]
    public async Task A_refresh_token_issued_before_a_restart_refreshes_after_it_and_keeps_its_scopes()
    {
        JsonObject issued;
        await using (var before = await StartAsync()) issued = await before.ConsentAsync("owner-anna", "pvms.openapi.basic");

        // Past the access token's hour: it stays expired across the restart, the refresh token still works.
        await using var after = await StartAsync(TimeSpan.FromMinutes(61));
        Assert.Equal(305, await StationsAsync(after, Access(issued)));
        var (status, refreshed) = await RefreshAsync(after, Refresh(issued));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("pvms.openapi.basic", refreshed["scope"]!.GetValue<string>());
        Assert.Equal(0, await StationsAsync(after, Access(refreshed)));
        var control = await after.PostAsync("/sandbox/fusionsolar/rest/openapi/pvms/nbi/v1/control/battery/mode/task-info", """{"taskId":"1"}""", bearer: Access(refreshed));
        Assert.Equal(401, control["failCode"]!.GetValue<int>());
    }

    [Fact]
    public async Task An_access_token_superseded_by_a_refresh_before_a_restart_stays_refused_after_it()
    {
        JsonObject issued, refreshed;
        await using (var before = await StartAsync())
        {
            issued = await before.ConsentAsync("owner-anna");
            refreshed = (await RefreshAsync(before, Refresh(issued))).Body;
        }

        await using var after = await StartAsync(TimeSpan.FromMinutes(5));
        Assert.Equal(305, await StationsAsync(after, Access(issued)));
        Assert.Equal(0, await StationsAsync(after, Access(refreshed)));
    }

    [Fact]
    public async Task A_revoked_consent_stays_revoked_after_a_restart()
    {
        JsonObject ben, anna;
        await using (var before = await StartAsync())
        {
            ben = await before.ConsentAsync("owner-ben");
            anna = await before.ConsentAsync("owner-anna");
            using var revoked = await before.Client.PostAsync("/sandbox/admin/oauth/revoke/owner-ben", null);
            revoked.EnsureSuccessStatusCode();
        }

        await using var after = await StartAsync(TimeSpan.FromMinutes(5));
        Assert.Equal(305, await StationsAsync(after, Access(ben)));
        var (status, body) = await RefreshAsync(after, Refresh(ben));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("1110", body["error"]!.GetValue<string>());
        // The other owner's consent is untouched.
        Assert.Equal(0, await StationsAsync(after, Access(anna)));
    }

    [Fact]
    public async Task The_state_file_holds_no_token_in_clear_and_no_temporary_file_is_left_behind()
    {
        await using var sandbox = await StartAsync();
        var issued = await sandbox.ConsentAsync("owner-anna");
        var refreshed = (await RefreshAsync(sandbox, Refresh(issued))).Body;

        var text = await File.ReadAllTextAsync(StateFile, Encoding.UTF8);
        Assert.Contains("owner-anna", text);
        foreach (var token in new[] { Access(issued), Refresh(issued), Access(refreshed) })
            Assert.DoesNotContain(token, text);
        Assert.Equal([StateFile], _dir.GetFiles().Select(f => f.FullName));
    }

    [Fact]
    public async Task An_unreadable_state_file_starts_with_no_consents_and_is_replaced_on_the_next_one()
    {
        await File.WriteAllTextAsync(StateFile, """{"grants":[{"owner":"owner-an""");
        await using var sandbox = await StartAsync();
        var issued = await sandbox.ConsentAsync("owner-anna");
        Assert.Equal(0, await StationsAsync(sandbox, Access(issued)));
        Assert.NotNull(JsonNode.Parse(await File.ReadAllTextAsync(StateFile)));
    }

    [Fact]
    public void The_default_state_file_lies_beside_the_identity_providers_key()
    {
        var options = new SandboxOptions();
        Assert.Equal(Path.GetDirectoryName(options.IdentityProvider.KeyFile), Path.GetDirectoryName(options.OAuth.StateFile));
        Assert.NotEqual(options.IdentityProvider.KeyFile, options.OAuth.StateFile);
    }
}
