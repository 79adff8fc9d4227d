using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SolarDashboard.Core;
using SolarDashboard.Core.Connections;
using SolarDashboard.Core.Data;
using SolarDashboard.Core.Ingest;
using SolarDashboard.Core.Security;
using SolarDashboard.Core.Sync;
using SolarDashboard.Core.Users;
using SolarDashboard.Vendors.Atess.Sync;

namespace SolarDashboard.Vendors.Atess;

/// <summary>
/// ATESS accounts (account id and API key), added by an admin. The address must pass the <see cref="OutboundAddressPolicy"/>
/// (the documented host, or one the configuration allows). One test call (the plant list) runs before anything is saved;
/// a refused key is reported once and never retried. The key is stored encrypted and never logged. The test call
/// counts against the plant list's "once every 5 minutes": it goes into the call log, and the plants it returned are
/// stored at once, so the sync goes on from there (datalogs, devices) without waiting or being refused.
/// </summary>
public sealed class AtessAccounts(
    IDbContextFactory<SolarDbContext> dbFactory,
    SecretProtector secrets,
    VendorHttp http,
    IAppAddress appAddress,
    OutboundAddressPolicy addresses,
    CacheWriter writer,
    ConnectionSyncRunner syncRunner,
    TimeProvider time,
    ILogger<AtessAccounts> logger) : IVendorAccounts
{
    /// <summary>The one text for every failure to reach the address (refused, timed out, not ATESS): different texts would map the network.</summary>
    public const string NotReached = "ATESS could not be reached at this address, or what answered there is not the ATESS OpenAPI.";

    /// <summary>The hosts of the documented API: the only ones an admin may type unless the configuration allows more.</summary>
    public static IReadOnlyList<string> DocumentedHosts { get; } = [AtessClient.ProductionBaseUrl.Host];

    public Vendor Vendor => Vendor.Atess;

    public string DefaultBaseUrl => AtessClient.ProductionBaseUrl.AbsoluteUri;

    public IReadOnlyList<string> Validate(VendorAccountForm form)
    {
        var problems = new List<string>();
        var url = form.BaseUrl.Trim();
        if (url.Length > 0 && !(Uri.TryCreate(url, UriKind.Absolute, out var u) && u.Scheme == Uri.UriSchemeHttps && string.IsNullOrEmpty(u.Query) && string.IsNullOrEmpty(u.UserInfo))
            && !(url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal)))
            problems.Add($"The address must be an https:// address of the ATESS OpenAPI, such as {DefaultBaseUrl} (or empty for that one).");
        var id = form.AccountId.Trim();
        if (id.Length == 0 || id.Length > 100 || id.Contains(':')) problems.Add("Enter the ATESS account id (without a colon).");
        if (string.IsNullOrWhiteSpace(form.Secret) || form.Secret.Length > 200) problems.Add("Enter the account's API key.");
        if (form.Name.Length > 100) problems.Add("The name is too long (100 characters at most).");
        return problems;
    }

    public async Task<VendorAccountResult> AddAsync(UserAccess actor, VendorAccountForm form, CancellationToken ct = default)
    {
        if (!actor.IsAdmin) throw new AccessDeniedException("Only an admin adds ATESS accounts.");
        var problems = Validate(form);
        if (problems.Count > 0) return new(false, string.Join(" ", problems));
        var typed = form.BaseUrl.Trim().Length == 0 ? DefaultBaseUrl : form.BaseUrl.Trim();
        if (addresses.Problem(typed, DocumentedHosts) is { } refused) return new(false, refused + " Nothing was saved.");
        var stored = typed.EndsWith('/') ? typed : typed + "/";
        var accountId = form.AccountId.Trim();
        var key = form.Secret.Trim();

        await using (var db = await dbFactory.CreateDbContextAsync(ct))
            if (await db.Connections.AnyAsync(c => c.Vendor == Vendor.Atess && c.UserName == accountId && c.BaseUrl == stored, ct))
                return new(false, "This ATESS account is already connected. Nothing was saved.");

        var calls = new List<AtessCallRecord>();
        var client = new AtessClient(http, appAddress.Resolve(stored), accountId, () => key, logger, time, onCall: calls.Add);
        Wire.AtessPage<Wire.AtessPlant> plants;
        try
        {
            plants = await client.ListPlantsAsync(1, AtessClient.MaxPlantPageSize, ct);
        }
        catch (AtessException ex)
        {
            logger.LogWarning("ATESS test call for account {Account} failed: {Kind}", accountId, ex.Error.Kind);
            return new(false, ex.Error.Kind switch
            {
                AtessErrorKind.NoAccess or AtessErrorKind.Unauthorized =>
                    "ATESS refused the account id or API key. Nothing was saved. Check both before trying again.",
                AtessErrorKind.AcquisitionLimited =>
                    $"ATESS reads an account's plant list once every 5 minutes; try again in {Math.Ceiling((ex.Error.RetryAfter ?? AtessClient.AcquisitionPeriod).TotalMinutes):0} min. Nothing was saved.",
                AtessErrorKind.Unavailable or AtessErrorKind.GatewayThrottled => NotReached + " Nothing was saved. Check the address.",
                _ => ex.Error.Message + " Nothing was saved.",
            });
        }

        var now = time.GetUtcNow();
        int connectionId;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var connection = new VendorConnection
            {
                Name = string.IsNullOrWhiteSpace(form.Name) ? $"ATESS · {accountId}" : form.Name.Trim(),
                Vendor = Vendor.Atess, AuthMode = AuthMode.ApiAccount, BaseUrl = stored, UserName = accountId,
                ProtectedSecret = secrets.Protect(key), State = ConnectionState.Pending, CreatedAt = now,
            };
            db.Connections.Add(connection);
            await db.SaveChangesAsync(ct);
            connectionId = connection.Id;
            foreach (var c in calls)
                db.Calls.Add(new VendorCall
                {
                    ConnectionId = connectionId, Api = AtessConnectionSync.CallKey(c.Api, c.Target), At = c.At, DurationMs = (int)c.Duration.TotalMilliseconds,
                    Succeeded = c.Succeeded, FailCode = c.Code, HttpStatus = c.HttpStatus,
                });
            // The first page is read: the sync's plant list waits for its period (or reads the next page then).
            db.SyncStates.Add(new SyncState
            {
                ConnectionId = connectionId, DataClass = AtessConnectionSync.PlantListClass, LastSuccessAt = now,
                NextDueAt = plants.HasMore ? now + AtessClient.AcquisitionPeriod + AtessConnectionSync.Margin : now + AtessConnectionSync.DiscoveryInterval,
                Cursor = plants.HasMore ? "2" : null,
            });
            await db.SaveChangesAsync(ct);
        }
        await writer.UpsertCatalogAsync(connectionId, plants.Items.Select(AtessConnectionSync.ToPlantInfo).ToList(), null, now, ct);
        logger.LogInformation("ATESS account {Account} added as connection {Id} ({Plants} plants)", accountId, connectionId, plants.Items.Count);
        syncRunner.StartNow(connectionId);
        return new(true, $"Signed in at ATESS and saved: {plants.Total ?? plants.Items.Count} plants. Their devices and values appear within a minute.", connectionId);
    }
}
