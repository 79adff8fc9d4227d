using Microsoft.EntityFrameworkCore;
using SolarDashboard.Core;
using SolarDashboard.Core.Connections;
using SolarDashboard.Core.Data;
using SolarDashboard.Core.Security;
using SolarDashboard.Core.Sync;
using SolarDashboard.Core.Users;

namespace SolarDashboard.Vendors.FusionSolar.Consent;

/// <summary>
/// Installer (API account) connections, added by an admin: the account id is the API account's user name, the secret its
/// password ("systemCode"). A test login runs before anything is saved and its session is
/// the connection's first; a refused password is reported once and never retried (five wrong passwords lock the account).
/// </summary>
public sealed class FusionSolarApiAccounts(
    IDbContextFactory<SolarDbContext> dbFactory,
    SecretProtector secrets,
    FusionSolarLoginClient login,
    IAppAddress appAddress,
    OutboundAddressPolicy addresses,
    ConnectionSyncRunner syncRunner,
    FusionSolarSessions sessions,
    TimeProvider time) : IVendorAccounts
{
    /// <summary>FusionSolar management system domains in common use; the one an installer signs in to is the one to pick.</summary>
    public static IReadOnlyList<(string Label, string Url)> Regions { get; } =
    [
        ("Europe (eu5.fusionsolar.huawei.com)", "https://eu5.fusionsolar.huawei.com/"),
        ("International (intl.fusionsolar.huawei.com)", "https://intl.fusionsolar.huawei.com/"),
        ("Latin America (la5.fusionsolar.huawei.com)", "https://la5.fusionsolar.huawei.com/"),
        ("Asia Pacific (sg5.fusionsolar.huawei.com)", "https://sg5.fusionsolar.huawei.com/"),
        ("Australia (au5.fusionsolar.huawei.com)", "https://au5.fusionsolar.huawei.com/"),
    ];

    /// <summary>The hosts of <see cref="Regions"/>: the only ones an admin may type unless the configuration allows more.</summary>
    public static IReadOnlyList<string> DocumentedHosts { get; } = [.. Regions.Select(r => new Uri(r.Url).Host)];

    public Vendor Vendor => Vendor.FusionSolar;

    public string DefaultBaseUrl => Regions[0].Url;

    IReadOnlyList<(string Label, string Url)> IVendorAccounts.Regions => Regions;

    IReadOnlyList<string> IVendorAccounts.Validate(VendorAccountForm form) => Validate(form);

    /// <summary>
    /// The one text for every failure to reach the typed address (refused, timed out, not FusionSolar): different texts
    /// would let someone map what answers where.
    /// </summary>
    public const string NotReached = "FusionSolar could not be reached at this address, or what answered there is not FusionSolar.";

    /// <summary>Plain-language problems with the form, before anything is sent to FusionSolar.</summary>
    public static IReadOnlyList<string> Validate(VendorAccountForm form)
    {
        var problems = new List<string>();
        var url = form.BaseUrl.Trim();
        if (!(Uri.TryCreate(url, UriKind.Absolute, out var u) && u.Scheme == "https" && string.IsNullOrEmpty(u.Query))
            && !(url.StartsWith('/') && !url.StartsWith("//")))
            problems.Add("The address must be an https:// address of your FusionSolar management system, such as https://eu5.fusionsolar.huawei.com/.");
        if (string.IsNullOrWhiteSpace(form.AccountId) || form.AccountId.Length > 100) problems.Add("Enter the API account's user name.");
        if (string.IsNullOrEmpty(form.Secret) || form.Secret.Length > 200) problems.Add("Enter the API account's password (systemCode).");
        if (form.Name.Length > 100) problems.Add("The name is too long (100 characters at most).");
        return problems;
    }

    public async Task<VendorAccountResult> AddAsync(UserAccess actor, VendorAccountForm form, CancellationToken ct = default)
    {
        if (!actor.IsAdmin) throw new AccessDeniedException("Only an admin adds installer API accounts.");
        var problems = Validate(form);
        if (problems.Count > 0) return new(false, string.Join(" ", problems));
        if (addresses.Problem(form.BaseUrl, DocumentedHosts) is { } refused) return new(false, refused + " Nothing was saved.");

        var stored = form.BaseUrl.Trim().EndsWith('/') ? form.BaseUrl.Trim() : form.BaseUrl.Trim() + "/";
        var result = await login.LoginAsync(appAddress.Resolve(stored), form.AccountId.Trim(), form.Secret, ct);
        switch (result.Outcome)
        {
            case LoginOutcome.CredentialsRejected:
                return new(false, result.Message + " Nothing was saved. Check the user name and password before trying again: FusionSolar locks an account after five wrong passwords.");
            case LoginOutcome.RateLimited:
                return new(false, result.Message + " Nothing was saved.");
            case LoginOutcome.Unavailable:
                return new(false, NotReached + " Nothing was saved. Check the address.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var connection = new VendorConnection
        {
            Name = string.IsNullOrWhiteSpace(form.Name) ? $"FusionSolar · {form.AccountId.Trim()}" : form.Name.Trim(),
            Vendor = Vendor.FusionSolar, AuthMode = AuthMode.ApiAccount, BaseUrl = stored, UserName = form.AccountId.Trim(),
            ProtectedSecret = secrets.Protect(form.Secret), State = ConnectionState.Pending, CreatedAt = time.GetUtcNow(),
        };
        db.Connections.Add(connection);
        await db.SaveChangesAsync(ct);
        sessions.Adopt(connection, result.XsrfToken!); // the test login's session serves the first rounds: no second login
        syncRunner.StartNow(connection.Id);
        return new(true, "Signed in at FusionSolar and saved. The plants of this account appear within a minute.", connection.Id);
    }
}
