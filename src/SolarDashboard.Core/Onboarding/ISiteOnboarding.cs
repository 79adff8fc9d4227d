using SolarDashboard.Core.Connections;
using SolarDashboard.Core.Users;

namespace SolarDashboard.Core.Onboarding;

/// <summary>
/// Site onboarding at a vendor's cloud, for an admin page that knows no vendor: add a site, add a data logger (by its
/// serial) to it, and delete either. The site's racks and other devices arrive through the connection's sync, which an
/// added logger starts at once; what the page lists is the cache. Every method is for admins only.
/// </summary>
public interface ISiteOnboarding
{
    Vendor Vendor { get; }

    /// <summary>What a logger serial looks like, for the form ("10 letters and digits, as on the label: UDL0A23123").</summary>
    string LoggerSerialHint { get; }

    /// <summary>Whether the (trimmed, upper-case) text has the shape of the vendor's logger serials.</summary>
    bool IsLoggerSerial(string serial);

    /// <summary>The connection's sites as the cache knows them, with their loggers and each logger's devices.</summary>
    /// <exception cref="AccessDeniedException">The actor is no admin, or there is no such connection of this vendor.</exception>
    Task<IReadOnlyList<OnboardingSite>> SitesAsync(UserAccess actor, int connectionId, CancellationToken ct = default);

    /// <summary>Adds the site at the vendor; once accepted it is in the cache (and <c>/plants</c>) at once.</summary>
    Task<OnboardingResult> AddSiteAsync(UserAccess actor, int connectionId, NewSite site, CancellationToken ct = default);

    /// <summary>Adds a logger to the site at the vendor and starts the sync that finds its devices.</summary>
    Task<OnboardingResult> AddLoggerAsync(UserAccess actor, int connectionId, string siteKey, string serial, CancellationToken ct = default);

    /// <summary>Deletes the site at the vendor (its loggers with it), then from the dashboard with everything stored about it.</summary>
    Task<OnboardingResult> DeleteSiteAsync(UserAccess actor, int connectionId, string siteKey, CancellationToken ct = default);

    /// <summary>Removes the logger from the site at the vendor, then its devices and their history from the dashboard.</summary>
    Task<OnboardingResult> DeleteLoggerAsync(UserAccess actor, int connectionId, string siteKey, string serial, CancellationToken ct = default);
}
