using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SolarDashboard.Core;
using SolarDashboard.Core.Connections;
using SolarDashboard.Core.Data;
using SolarDashboard.Core.Security;
using SolarDashboard.Core.Sync;
using SolarDashboard.Core.Users;
using SolarDashboard.Vendors.FusionSolar.Auth;

namespace SolarDashboard.Vendors.FusionSolar.Consent;

/// <summary>
/// An owner hands us access to their FusionSolar account (reference 3.1.2): the authorize redirect with a state that is
/// single-use, bound to the user's sign-in session and valid 10 minutes; the callback exchanges the code at once (it
/// dies after 5 minutes), stores the tokens encrypted and starts discovering the owner's plants.
/// </summary>
public sealed class FusionSolarConsent(
    IDbContextFactory<SolarDbContext> dbFactory,
    ConnectionSessions sessions,
    SecretProtector secrets,
    FusionSolarOAuthSettingsProvider settings,
    VendorHttp http,
    ConnectionSyncRunner syncRunner,
    TimeProvider time,
    ILoggerFactory loggers) : IOwnerConsent
{
    public const string BasicScope = "pvms.openapi.basic";
    public const string ControlScope = "pvms.openapi.control";
    public static readonly TimeSpan StateLifetime = TimeSpan.FromMinutes(10);
    public const string CallbackPath = "/connections/fusionsolar/callback";

    private readonly ILogger _logger = loggers.CreateLogger<FusionSolarConsent>();

    public bool IsConfigured => settings.Options.IsConfigured;

    public string ReadScope => BasicScope;

    string IOwnerConsent.ControlScope => ControlScope;

    /// <summary>
    /// The FusionSolar authorize URL to send the owner to. <paramref name="origin"/> is the address the user's browser
    /// uses for this app (for a relative authorize URL and the default redirect URI).
    /// </summary>
    public async Task<Uri> BeginAsync(UserAccess user, string sessionId, ConsentPurpose purpose, int? connectionId, Uri origin, CancellationToken ct = default)
    {
        if (!user.CanConnectOwnAccount) throw new AccessDeniedException("Only owners and admins connect FusionSolar accounts.");
        if (!IsConfigured) throw new InvalidOperationException("No FusionSolar OAuth client is configured (FusionSolar:OAuth:ClientId and :ClientSecret).");
        if (string.IsNullOrEmpty(sessionId)) throw new AccessDeniedException("Sign in again before connecting an account.");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (purpose != ConsentPurpose.Connect)
        {
            var existing = await db.Connections.AsNoTracking().SingleOrDefaultAsync(c => c.Id == connectionId && c.AuthMode == AuthMode.OAuthConnect, ct);
            if (existing is null || !user.CanManage(existing.OwnerUserId)) throw new AccessDeniedException("No such connection.");
        }

        var o = settings.Options;
        var redirectUri = string.IsNullOrWhiteSpace(o.RedirectUri) ? new Uri(origin, CallbackPath).ToString() : o.RedirectUri;
        var state = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var now = time.GetUtcNow();
        await db.ConsentStates.Where(s => s.ExpiresAt < now).ExecuteDeleteAsync(ct); // housekeeping
        db.ConsentStates.Add(new ConsentState
        {
            StateHash = Hash(state), UserId = user.UserId, SessionId = sessionId, Purpose = purpose, ConnectionId = connectionId,
            RedirectUri = redirectUri, CreatedAt = now, ExpiresAt = now + StateLifetime,
        });
        await db.SaveChangesAsync(ct);

        var authorize = Uri.TryCreate(o.AuthorizeUrl, UriKind.Absolute, out var a) && a.Scheme is "http" or "https" ? a : new Uri(origin, o.AuthorizeUrl);
        // Uri.EscapeDataString: the redirect URI fully encoded (reference 3.1.2.2) and the scopes' space as %20.
        var query = "response_type=code&client_id=" + Uri.EscapeDataString(o.ClientId) + "&redirect_uri=" + Uri.EscapeDataString(redirectUri) +
            "&scope=" + Uri.EscapeDataString($"{BasicScope} {ControlScope}") + "&state=" + Uri.EscapeDataString(state);
        return new Uri(authorize + (authorize.Query.Length > 0 ? "&" : "?") + query);
    }

    /// <summary>Handles the redirect back from FusionSolar. The state is checked (and spent) before anything else.</summary>
    public async Task<ConsentResult> CompleteAsync(UserAccess user, string? sessionId, string? state, string? code, string? error, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(state) || state.Length > 200) return new(ConsentFailure.BadState, ConsentPurpose.Connect, null);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var hash = Hash(state);
        var pending = await db.ConsentStates.AsNoTracking().SingleOrDefaultAsync(s => s.StateHash == hash, ct);
        // Deleting is what makes it single-use: of two callbacks racing with the same state, only one deletes the row.
        if (pending is null || await db.ConsentStates.Where(s => s.Id == pending.Id).ExecuteDeleteAsync(ct) == 0)
            return new(ConsentFailure.BadState, ConsentPurpose.Connect, null);
        if (pending.UserId != user.UserId || pending.SessionId != sessionId)
        {
            _logger.LogWarning("A FusionSolar consent state of user {Owner} came back in another user's or session's request (user {User})", pending.UserId, user.UserId);
            return new(ConsentFailure.BadState, pending.Purpose, pending.ConnectionId);
        }
        if (pending.ExpiresAt < time.GetUtcNow()) return new(ConsentFailure.ExpiredState, pending.Purpose, pending.ConnectionId);

        if (!string.IsNullOrEmpty(error))
        {
            _logger.LogInformation("FusionSolar consent for user {User} ended with error {Error}", user.UserId, error);
            var failure = error switch
            {
                "10002" or "access_denied" => ConsentFailure.Denied,
                "invalid_scope" => ConsentFailure.InvalidScope,
                _ => ConsentFailure.Unreachable,
            };
            return new(failure, pending.Purpose, pending.ConnectionId, error.Length > 40 ? error[..40] : error);
        }
        if (string.IsNullOrEmpty(code)) return new(ConsentFailure.Unreachable, pending.Purpose, pending.ConnectionId, "no code");

        OAuthTokens tokens;
        try
        {
            tokens = await new FusionSolarOAuthClient(http, settings.Get(), time, loggers.CreateLogger<FusionSolarOAuthClient>()).ExchangeCodeAsync(code, pending.RedirectUri, ct);
        }
        catch (FusionSolarException ex)
        {
            var failure = ex.Error.Kind switch
            {
                FusionSolarErrorKind.ReauthorizationRequired => ConsentFailure.CodeRejected,
                FusionSolarErrorKind.CredentialsRejected => ConsentFailure.InvalidClient,
                FusionSolarErrorKind.InvalidRequest => ConsentFailure.UnsupportedGrantType,
                _ => ConsentFailure.Unreachable,
            };
            return new(failure, pending.Purpose, pending.ConnectionId);
        }

        var connectionId = await SaveAsync(db, user, pending, tokens, ct);
        syncRunner.StartNow(connectionId); // plant discovery now, not at the next tick
        return new(ConsentFailure.None, pending.Purpose, connectionId);
    }

    private async Task<int> SaveAsync(SolarDbContext db, UserAccess user, ConsentState pending, OAuthTokens tokens, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        VendorConnection? connection = null;
        if (pending.ConnectionId is { } id)
        {
            connection = await db.Connections.SingleOrDefaultAsync(c => c.Id == id, ct);
            if (connection is not null && !user.CanManage(connection.OwnerUserId)) connection = null;
        }
        else
        {
            // One owner connection per dashboard user: FusionSolar ends an owner's earlier tokens when it issues new ones
            // (3.1.2.3), so connecting again renews the existing connection, and its history, rather than adding a dead twin.
            connection = await db.Connections.Where(c => c.OwnerUserId == user.UserId && c.AuthMode == AuthMode.OAuthConnect)
                .OrderBy(c => c.Id).FirstOrDefaultAsync(ct);
        }
        if (connection is null)
        {
            connection = new VendorConnection
            {
                Name = $"FusionSolar · {user.DisplayName}",
                Vendor = Vendor.FusionSolar, AuthMode = AuthMode.OAuthConnect, BaseUrl = settings.Options.ApiBaseUrl,
                OwnerUserId = user.UserId, CreatedAt = now,
            };
            db.Connections.Add(connection);
        }
        connection.ProtectedSecret = secrets.Protect(JsonSerializer.Serialize(tokens));
        connection.GrantedScopes = tokens.Scope;
        connection.State = ConnectionState.Pending;
        connection.LastError = null;
        await db.SaveChangesAsync(ct);
        sessions.Forget(connection.Id); // the connection's session holds the old tokens: the next caller opens one with these
        // Work that waited for the consent (or failed without it) is due now.
        await db.SyncStates.Where(s => s.ConnectionId == connection.Id).ExecuteUpdateAsync(u => u.SetProperty(s => s.NextDueAt, now), ct);
        _logger.LogInformation("User {User} completed FusionSolar consent ({Purpose}) for connection {Id}; scopes {Scopes}", user.UserId, pending.Purpose, connection.Id, tokens.Scope);
        return connection.Id;
    }

    private static string Hash(string state) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(state)));
}
