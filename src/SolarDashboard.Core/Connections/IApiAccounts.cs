using SolarDashboard.Core.Users;

namespace SolarDashboard.Core.Connections;

/// <summary>Installer API accounts, added by an admin after a test login. Implemented by the vendor layer.</summary>
public interface IApiAccounts
{
    /// <summary>The vendor's regional addresses, as an admin picks one.</summary>
    IReadOnlyList<(string Label, string Url)> Regions { get; }

    Task<ApiAccountResult> AddAsync(UserAccess actor, ApiAccountForm form, CancellationToken ct = default);
}
