using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SolarDashboard.Core.Data;
using SolarDashboard.Core.Security;

namespace SolarDashboard.Core.Redex;

/// <summary>
/// One token owner per REDEX account: the access token is refreshed with the refresh token (single flight), a refused
/// refresh falls back to the API key once, and the tokens are kept encrypted in the account row so a restart reuses them.
/// Every token call takes a slot of the account's <see cref="RequestBudget"/>.
/// </summary>
public sealed class RedexSessions(IDbContextFactory<SolarDbContext> dbFactory, IGenerationRegistry registry, SecretProtector secrets,
    TimeProvider time, IOptions<RedexExportOptions> options)
{
    private static readonly TimeSpan Margin = TimeSpan.FromMinutes(2);
    private readonly ConcurrentDictionary<int, SemaphoreSlim> _flights = new();
    private readonly ConcurrentDictionary<int, RequestBudget> _budgets = new();

    public RequestBudget Budget(int accountId) =>
        _budgets.GetOrAdd(accountId, _ => new RequestBudget(Math.Max(1, registry.MaxRequestsPerMinute - options.Value.RequestHeadroom), time));

    /// <summary>A live access token, or null when the budget has no slot for the token call it needs.</summary>
    public async Task<string?> AccessTokenAsync(int accountId, bool renew = false, CancellationToken ct = default)
    {
        var flight = _flights.GetOrAdd(accountId, _ => new SemaphoreSlim(1, 1));
        await flight.WaitAsync(ct);
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var account = await db.RedexAccounts.SingleAsync(a => a.Id == accountId, ct);
            var now = time.GetUtcNow();
            var tokens = account.ProtectedTokens is { } p ? JsonSerializer.Deserialize<RegistryTokens>(secrets.Unprotect(p)) : null;
            if (!renew && tokens is not null && tokens.AccessExpiresAt - Margin > now) return tokens.AccessToken;

            var baseUrl = new Uri(account.BaseUrl);
            RegistryTokens? fresh = null;
            if (tokens is not null && tokens.RefreshExpiresAt - Margin > now)
            {
                if (!Budget(accountId).TryTake()) return null;
                try { fresh = await registry.RefreshAsync(baseUrl, account.ClientId, tokens.RefreshToken, ct); }
                catch (RegistryException ex) when (ex.Kind is RegistryErrorKind.Unauthorized or RegistryErrorKind.BadRequest or RegistryErrorKind.Unprocessable) { }
            }
            if (fresh is null)
            {
                if (!Budget(accountId).TryTake()) return null;
                fresh = await registry.TokenAsync(Credentials(account), ct);
            }
            account.ProtectedTokens = secrets.Protect(JsonSerializer.Serialize(fresh));
            await db.SaveChangesAsync(ct);
            return fresh.AccessToken;
        }
        finally
        {
            flight.Release();
        }
    }

    public RegistryCredentials Credentials(RedexAccount account) =>
        new(new Uri(account.BaseUrl), secrets.Unprotect(account.ProtectedApiKey), account.ClientId, secrets.Unprotect(account.ProtectedClientSecret));
}
