using SolarDashboard.Core.Users;

namespace SolarDashboard.Core.Connections;

/// <summary>
/// Adds a vendor account (id and secret) as a connection, for an admin page that knows no vendor: the vendor checks the
/// form, makes one test call before anything is saved, encrypts the secret, and reports a refusal once, never retrying it.
/// </summary>
public interface IVendorAccounts
{
    Vendor Vendor { get; }

    /// <summary>The vendor's documented address, used when the form leaves it empty.</summary>
    string DefaultBaseUrl { get; }

    /// <summary>Plain-language problems with the form, before anything is sent.</summary>
    IReadOnlyList<string> Validate(VendorAccountForm form);

    /// <exception cref="AccessDeniedException">The actor is no admin.</exception>
    Task<VendorAccountResult> AddAsync(UserAccess actor, VendorAccountForm form, CancellationToken ct = default);
}
