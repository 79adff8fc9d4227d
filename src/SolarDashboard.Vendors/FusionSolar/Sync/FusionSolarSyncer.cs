using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SolarDashboard.Core;
using SolarDashboard.Core.Connections;
using SolarDashboard.Core.Data;
using SolarDashboard.Core.Ingest;
using SolarDashboard.Core.Security;
using SolarDashboard.Core.Sync;
using SolarDashboard.Vendors.FusionSolar.Auth;
using SolarDashboard.Vendors.FusionSolar.Consent;

namespace SolarDashboard.Vendors.FusionSolar.Sync;

/// <summary>
/// Keeps one <see cref="FusionSolarConnectionSync"/> per connection alive between rounds, so its session (one XSRF token
/// per API account) or its OAuth tokens are shared by every call. A changed secret or base URL gets a fresh one.
/// </summary>
public sealed class FusionSolarSyncer(
    VendorHttp http,
    FusionSolarLoginClient login,
    IDbContextFactory<SolarDbContext> dbFactory,
    SecretProtector secrets,
    CacheWriter writer,
    TimeProvider time,
    FusionSolarOAuthSettingsProvider oauthSettings,
    IAppAddress appAddress,
    ILoggerFactory loggers) : IConnectionSyncer, IDisposable
{
    private readonly ConcurrentDictionary<int, (string Fingerprint, FusionSolarConnectionSync Sync, INbiAuthenticator Auth)> _syncs = new();
    private readonly ConcurrentDictionary<int, SemaphoreSlim> _gates = new();

    public Vendor Vendor => Vendor.FusionSolar;

    public async Task RunDueAsync(VendorConnection connection, CancellationToken ct)
    {
        var gate = _gates.GetOrAdd(connection.Id, _ => new SemaphoreSlim(1, 1));
        if (!await gate.WaitAsync(0, ct)) return; // the previous round of this connection is still running
        try
        {
            await For(connection).RunDueAsync(ct);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>The sync of a connection (made on first use).</summary>
    public FusionSolarConnectionSync For(VendorConnection connection)
    {
        var fingerprint = $"{connection.BaseUrl}|{connection.UserName}|{connection.AuthMode}|{connection.ProtectedSecret?.GetHashCode()}";
        if (_syncs.TryGetValue(connection.Id, out var existing) && existing.Fingerprint == fingerprint) return existing.Sync;
        (existing.Auth as IDisposable)?.Dispose();

        var logger = loggers.CreateLogger<FusionSolarConnectionSync>();
        var calls = new ConcurrentQueue<NbiCallRecord>();
        // Demo mode stores the in-process sandbox as a path on this app's own address.
        var baseUrl = appAddress.Resolve(connection.BaseUrl.EndsWith('/') ? connection.BaseUrl : connection.BaseUrl + "/");
        INbiAuthenticator auth;
        if (connection.AuthMode == AuthMode.ApiAccount)
        {
            var protectedSecret = connection.ProtectedSecret!;
            auth = new ApiAccountAuthenticator(login, baseUrl,
                connection.UserName ?? "", () => secrets.Unprotect(protectedSecret), logger);
        }
        else
        {
            var tokens = JsonSerializer.Deserialize<OAuthTokens>(secrets.Unprotect(connection.ProtectedSecret!))!;
            var oauth = new FusionSolarOAuthClient(http, oauthSettings.Get(), time, loggers.CreateLogger<FusionSolarOAuthClient>());
            var id = connection.Id;
            auth = new OAuthAuthenticator(oauth, tokens, (fresh, token) => PersistTokensAsync(id, fresh, token), time, logger);
        }
        var client = new FusionSolarClient(http, baseUrl, auth, time, logger, calls.Enqueue);
        var sync = new FusionSolarConnectionSync(connection.Id, connection.AuthMode == AuthMode.OAuthConnect, client,
            () => Drain(calls), writer, dbFactory, time, logger);
        _syncs[connection.Id] = (fingerprint, sync, auth);
        return sync;
    }

    /// <summary>
    /// A client for the connection's control calls that shares the sync's credential: an OAuth refresh invalidates the
    /// previous access token, so two authenticators of one connection would keep undoing each other.
    /// </summary>
    public FusionSolarClient ControlClientFor(VendorConnection connection, Action<NbiCallRecord> onCall)
    {
        For(connection);
        var auth = _syncs[connection.Id].Auth;
        var baseUrl = appAddress.Resolve(connection.BaseUrl.EndsWith('/') ? connection.BaseUrl : connection.BaseUrl + "/");
        return new FusionSolarClient(http, baseUrl, auth, time, loggers.CreateLogger<FusionSolarClient>(), onCall);
    }

    /// <summary>Rotated OAuth tokens are encrypted and saved before they are used.</summary>
    private async Task PersistTokensAsync(int connectionId, OAuthTokens tokens, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var connection = await db.Connections.SingleAsync(c => c.Id == connectionId, ct);
        connection.ProtectedSecret = secrets.Protect(JsonSerializer.Serialize(tokens));
        await db.SaveChangesAsync(ct);
        // Keep the live sync: its authenticator already holds these tokens.
        if (_syncs.TryGetValue(connectionId, out var entry))
            _syncs[connectionId] = entry with { Fingerprint = $"{connection.BaseUrl}|{connection.UserName}|{connection.AuthMode}|{connection.ProtectedSecret.GetHashCode()}" };
    }

    private static IReadOnlyList<NbiCallRecord> Drain(ConcurrentQueue<NbiCallRecord> queue)
    {
        var list = new List<NbiCallRecord>();
        while (queue.TryDequeue(out var c)) list.Add(c);
        return list;
    }

    public void Dispose()
    {
        foreach (var (_, entry) in _syncs) (entry.Auth as IDisposable)?.Dispose();
        foreach (var (_, gate) in _gates) gate.Dispose();
    }
}

