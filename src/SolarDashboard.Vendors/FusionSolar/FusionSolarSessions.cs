using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SolarDashboard.Core;
using SolarDashboard.Core.Connections;
using SolarDashboard.Core.Data;
using SolarDashboard.Core.Security;
using SolarDashboard.Core.Sync;
using SolarDashboard.Vendors.FusionSolar.Auth;
using SolarDashboard.Vendors.FusionSolar.Consent;
using SolarDashboard.Vendors.FusionSolar.Sync;

namespace SolarDashboard.Vendors.FusionSolar;

/// <summary>
/// Opens FusionSolar sessions for Core's <see cref="ConnectionSessions"/>, the one owner of each connection's session: the
/// sync, control and consent all ask here, so a connection logs in (or refreshes its tokens) once for all of them, and
/// every call lands in the connection's one call log. Rotated OAuth tokens are encrypted and saved before they are used.
/// </summary>
public sealed class FusionSolarSessions(
    ConnectionSessions sessions,
    VendorHttp http,
    FusionSolarLoginClient login,
    IDbContextFactory<SolarDbContext> dbFactory,
    SecretProtector secrets,
    TimeProvider time,
    FusionSolarOAuthSettingsProvider oauthSettings,
    IAppAddress appAddress,
    ILoggerFactory loggers)
{
    /// <summary>The connection's session (opened on first use, and again when its address or credentials change).</summary>
    public FusionSolarSession For(VendorConnection connection) => sessions.Get(connection, (c, calls) => Open(c, calls, null));

    /// <summary>A new API account's test login becomes its session: the first sync round needs no second login.</summary>
    public void Adopt(VendorConnection connection, string xsrfToken) =>
        sessions.Adopt(connection, Open(connection, sessions.CallLog(connection.Id), xsrfToken));

    /// <summary>Where the connection's API answers; demo mode stores the in-process sandbox as a path on this app's own address.</summary>
    public Uri BaseUrl(VendorConnection connection) => appAddress.Resolve(connection.BaseUrl.EndsWith('/') ? connection.BaseUrl : connection.BaseUrl + "/");

    private FusionSolarSession Open(VendorConnection connection, ConnectionCallLog calls, string? xsrfToken)
    {
        var logger = loggers.CreateLogger<FusionSolarClient>();
        var baseUrl = BaseUrl(connection);
        INbiAuthenticator auth;
        if (connection.AuthMode == AuthMode.ApiAccount)
        {
            var protectedSecret = connection.ProtectedSecret!;
            auth = new ApiAccountAuthenticator(login, baseUrl, connection.UserName ?? "", () => secrets.Unprotect(protectedSecret), logger, xsrfToken);
        }
        else
        {
            var tokens = JsonSerializer.Deserialize<OAuthTokens>(secrets.Unprotect(connection.ProtectedSecret!))!;
            var oauth = new FusionSolarOAuthClient(http, oauthSettings.Get(), time, loggers.CreateLogger<FusionSolarOAuthClient>());
            var id = connection.Id;
            auth = new OAuthAuthenticator(oauth, tokens, (fresh, token) => PersistTokensAsync(id, fresh, token), time, logger);
        }
        var client = new FusionSolarClient(http, baseUrl, auth, time, logger, call => calls.Add(CallLog.Entry(connection.Id, call)));
        return new FusionSolarSession(auth, client);
    }

    /// <summary>Rotated OAuth tokens are encrypted and saved before they are used; the session that rotated them stays.</summary>
    private async Task PersistTokensAsync(int connectionId, OAuthTokens tokens, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var connection = await db.Connections.SingleAsync(c => c.Id == connectionId, ct);
        connection.ProtectedSecret = secrets.Protect(JsonSerializer.Serialize(tokens));
        await db.SaveChangesAsync(ct);
        sessions.Stored(connection);
    }
}
