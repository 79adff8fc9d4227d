using Microsoft.Extensions.Logging;

namespace SolarDashboard.Vendors.FusionSolar.Auth;

/// <summary>
/// An API account's XSRF session (reference 3.2.2), shared by every caller of the connection: one login at a time,
/// re-login only when the refused token is still the current one. After the vendor rejects the password, no further
/// login is tried (five wrong passwords lock the account) until a new authenticator is made with new credentials.
/// <paramref name="session"/> is a token from a login just made (the test login of a new account), used until refused.
/// </summary>
public sealed class ApiAccountAuthenticator(FusionSolarLoginClient login, Uri baseUrl, string userName, Func<string> password, ILogger logger, string? session = null)
    : INbiAuthenticator, IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private string? _token = session;
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
