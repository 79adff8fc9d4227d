using Microsoft.Extensions.Logging;

namespace SolarDashboard.Vendors.FusionSolar.Auth;

/// <summary>
/// An owner's OAuth tokens (reference 3.1.2.3): the access token lives an hour and is refreshed ahead of expiry, one
/// refresh at a time (a refresh invalidates the previous access token, so two would fight). The rotated tokens are
/// handed to <paramref name="persist"/> before they are used. A refused refresh token means re-authorization.
/// </summary>
public sealed class OAuthAuthenticator(
    FusionSolarOAuthClient oauth,
    OAuthTokens initial,
    Func<OAuthTokens, CancellationToken, Task> persist,
    TimeProvider time,
    ILogger logger) : INbiAuthenticator, IDisposable
{
    /// <summary>Refresh this long before the access token expires.</summary>
    public static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private OAuthTokens _tokens = initial;
    private FusionSolarError? _reauthorize;

    public int Refreshes { get; private set; }

    public OAuthTokens Current => Volatile.Read(ref _tokens);

    public async Task<NbiCredential> GetCredentialAsync(CancellationToken ct)
    {
        if (_reauthorize is { } stop) throw new FusionSolarException(stop);
        var tokens = Current;
        if (tokens.ExpiresAt - time.GetUtcNow() > RefreshMargin) return Bearer(tokens);

        await _gate.WaitAsync(ct);
        try
        {
            if (_reauthorize is { } s) throw new FusionSolarException(s);
            if (_tokens.ExpiresAt - time.GetUtcNow() > RefreshMargin) return Bearer(_tokens);
            Refreshes++;
            OAuthTokens fresh;
            try
            {
                fresh = await oauth.RefreshAsync(_tokens.RefreshToken, ct);
            }
            catch (FusionSolarException ex) when (ex.Error.Kind == FusionSolarErrorKind.ReauthorizationRequired)
            {
                _reauthorize = ex.Error;
                logger.LogWarning("FusionSolar refused the refresh token; the owner must authorize again");
                throw;
            }
            await persist(fresh, ct); // before use: a crash after this point must not lose the rotated tokens
            Volatile.Write(ref _tokens, fresh);
            return Bearer(fresh);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task<bool> InvalidateAsync(NbiCredential refused, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            if (Bearer(_tokens).HeaderValue == refused.HeaderValue)
                _tokens = _tokens with { ExpiresAt = DateTimeOffset.MinValue }; // refresh on the next call
            return _reauthorize is null;
        }
        finally
        {
            _gate.Release();
        }
    }

    private static NbiCredential Bearer(OAuthTokens t) => new("Authorization", "Bearer " + t.AccessToken);

    public void Dispose() => _gate.Dispose();
}
