using Microsoft.Extensions.Logging;

namespace SolarDashboard.Vendors.FusionSolar.Auth;

/// <summary>How a connection proves itself to the NBI: the header it sends and what it does about a 305.</summary>
public interface INbiAuthenticator
{
    /// <summary>The credential to send now, signing in or refreshing first when needed.</summary>
    Task<NbiCredential> GetCredentialAsync(CancellationToken ct);

    /// <summary>
    /// Called on 305 with the credential that was refused. Returns true when a fresh credential is worth one retry.
    /// Safe under concurrency: if another caller already replaced the credential, nothing is done twice.
    /// </summary>
    Task<bool> InvalidateAsync(NbiCredential refused, CancellationToken ct);
}

public sealed record NbiCredential(string HeaderName, string HeaderValue);

/// <summary>
/// An API account's XSRF session (reference 3.2.2), shared by every caller of the connection: one login at a time,
/// re-login only when the refused token is still the current one. After the vendor rejects the password, no further
/// login is tried (five wrong passwords lock the account) until a new authenticator is made with new credentials.
/// </summary>
public sealed class ApiAccountAuthenticator(FusionSolarLoginClient login, Uri baseUrl, string userName, Func<string> password, ILogger logger)
    : INbiAuthenticator, IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private string? _token;
    private FusionSolarError? _rejected;

    /// <summary>Logins made by this authenticator (tests and the call log use it).</summary>
    public int Logins { get; private set; }

    public async Task<NbiCredential> GetCredentialAsync(CancellationToken ct)
    {
        if (_rejected is { } rejected) throw new FusionSolarException(rejected);
        var token = Volatile.Read(ref _token);
        if (token is not null) return new("XSRF-TOKEN", token);

        await _gate.WaitAsync(ct);
        try
        {
            if (_rejected is { } r) throw new FusionSolarException(r);
            if (_token is not null) return new("XSRF-TOKEN", _token);
            Logins++;
            var result = await login.LoginAsync(baseUrl, userName, password(), ct);
            switch (result.Outcome)
            {
                case LoginOutcome.Ok:
                    _token = result.XsrfToken;
                    return new("XSRF-TOKEN", _token!);
                case LoginOutcome.CredentialsRejected:
                    _rejected = new FusionSolarError(FusionSolarErrorKind.CredentialsRejected, result.Message, Api: "login");
                    logger.LogWarning("FusionSolar login for {User} was rejected; no further logins until the credentials change", userName);
                    throw new FusionSolarException(_rejected);
                case LoginOutcome.RateLimited:
                    throw new FusionSolarException(new FusionSolarError(FusionSolarErrorKind.RateLimited, result.Message, 407, Api: "login"));
                default:
                    throw new FusionSolarException(new FusionSolarError(FusionSolarErrorKind.Unavailable, result.Message, Api: "login"));
            }
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
            if (_token == refused.HeaderValue) _token = null; // else someone already signed in again: just retry
            return _rejected is null;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();
}

/// <summary>Tokens of an OAuth Connect consent. Persisted (encrypted) by the owner of the connection.</summary>
public sealed record OAuthTokens(string AccessToken, string RefreshToken, DateTimeOffset ExpiresAt, string Scope);

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
