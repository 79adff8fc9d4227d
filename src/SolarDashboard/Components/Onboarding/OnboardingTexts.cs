using System.Globalization;
using SolarDashboard.Core.Onboarding;

namespace SolarDashboard.Components.Onboarding;

/// <summary>The words of the onboarding page that name what a delete loses, and the default zone of a new site.</summary>
public static class OnboardingTexts
{
    public static string DeleteSite(string vendor, OnboardingSite site)
    {
        var loggers = site.Loggers.Count switch
        {
            0 => "It has no datalog.",
            1 => $"Its datalog {site.Loggers[0].Serial} is removed with it.",
            _ => $"Its datalogs {string.Join(", ", site.Loggers.Select(l => l.Serial))} are removed with it.",
        };
        var devices = site.DeviceCount == 0 ? "" : $" {Devices(site.DeviceCount, site.Loggers.SelectMany(l => l.Devices))} stop reporting to it.";
        return $"Delete \"{site.Name}\" at {vendor}? {loggers}{devices} {vendor} drops the site's history, and the dashboard deletes the site with everything "
            + "it stored about it: charts, day reports, alarms and who may see it. The control audit trail stays. This cannot be undone.";
    }

    public static string DeleteLogger(string vendor, OnboardingSite site, OnboardingLogger logger)
    {
        var devices = logger.Devices.Count == 0 ? "It has no devices in the dashboard yet." : $"{Devices(logger.Devices.Count, logger.Devices)} stop reporting to the site.";
        return $"Remove datalog {logger.Serial} from \"{site.Name}\" at {vendor}? {devices} {vendor} drops their history, and the dashboard deletes these devices "
            + "with their charts and reports; the site and its other datalogs stay. The datalog can be added again later, starting without history.";
    }

    /// <summary>The zone most of the connection's sites use; else this machine's zone when it has a region name; else UTC.</summary>
    public static string DefaultZone(IEnumerable<OnboardingSite> sites, TimeZoneInfo local) =>
        sites.Select(s => s.TimeZoneId).Where(z => SiteForm.Zones.Contains(z)).GroupBy(z => z).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefault()
        ?? (SiteForm.Zones.Contains(local.Id) ? local.Id : "Etc/UTC");

    public static string Capacity(double? kwp) => kwp is { } v ? v.ToString("0.##", CultureInfo.InvariantCulture) + " kWp" : "capacity unknown";

    private static string Devices(int count, IEnumerable<OnboardingDevice> named)
    {
        var names = named.Select(d => d.Name).ToList();
        var list = names.Count == 0 ? "" : $" ({string.Join(", ", names)})";
        return count == 1 ? $"Its 1 device{list}" : $"Its {count} devices{list}";
    }
}
