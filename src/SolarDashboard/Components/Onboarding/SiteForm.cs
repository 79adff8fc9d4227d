using System.Globalization;
using SolarDashboard.Core.Onboarding;

namespace SolarDashboard.Components.Onboarding;

/// <summary>
/// The "add a site" form: what the admin typed, checked field by field with plain messages before anything is sent
/// (the vendor checks again). The time zone starts at a sensible default: the zone of the connection's other sites.
/// </summary>
public sealed class SiteForm(string defaultZone)
{
    public string Name { get; set; } = "";
    public string Capacity { get; set; } = "";
    public string TimeZone { get; set; } = defaultZone;
    public string Country { get; set; } = "";
    public string City { get; set; } = "";
    public string Address { get; set; } = "";
    public string Latitude { get; set; } = "";
    public string Longitude { get; set; } = "";
    public DateTime? InstallDate { get; set; }

    /// <summary>Set after the first try to send: problems show from then on, not while the admin is still typing the first field.</summary>
    public bool Submitted { get; set; }

    /// <summary>The IANA zones this machine knows (with a region, such as Africa/Nairobi), for the picker.</summary>
    public static IReadOnlyList<string> Zones { get; } = [.. TimeZoneInfo.GetSystemTimeZones().Select(z => z.Id).Where(id => id.Contains('/')).Order(StringComparer.Ordinal)];

    /// <summary>Each field's problem, by field name; empty when the site may be sent.</summary>
    public IReadOnlyDictionary<string, string> Problems()
    {
        var problems = new Dictionary<string, string>(StringComparer.Ordinal);
        var name = Name.Trim();
        if (name.Length == 0) problems[nameof(Name)] = "Enter the site's name.";
        else if (name.Length > 64) problems[nameof(Name)] = "The name is too long (64 characters at most).";
        if (Number(Capacity) is not { } kwp) problems[nameof(Capacity)] = "Enter the PV peak power in kWp, such as 120 or 99.5.";
        else if (kwp is <= 0 or > 1_000_000) problems[nameof(Capacity)] = "The peak power is more than 0 and at most 1,000,000 kWp.";
        if (!Zones.Contains(TimeZone.Trim(), StringComparer.Ordinal)) problems[nameof(TimeZone)] = "Pick the site's time zone from the list, such as Africa/Nairobi.";
        if (Optional(Latitude) is { Ok: false } or { Value: < -90 or > 90 }) problems[nameof(Latitude)] = "Latitude is a number from -90 to 90 (south negative).";
        if (Optional(Longitude) is { Ok: false } or { Value: < -180 or > 180 }) problems[nameof(Longitude)] = "Longitude is a number from -180 to 180 (west negative).";
        if ((Latitude.Trim().Length == 0) != (Longitude.Trim().Length == 0)) problems[nameof(Longitude)] = "Enter both latitude and longitude, or neither.";
        if (Country.Trim().Length > 64 || City.Trim().Length > 64 || Address.Trim().Length > 200) problems[nameof(Address)] = "Country and city take 64 characters at most, the address 200.";
        return problems;
    }

    /// <summary>The problem to show beside a field, once the form was sent once.</summary>
    public string? Problem(string field) => Submitted ? Problems().GetValueOrDefault(field) : null;

    /// <summary>The site to send, or null (and <see cref="Submitted"/> set) when a field is wrong.</summary>
    public NewSite? ToSite()
    {
        Submitted = true;
        if (Problems().Count > 0) return null;
        string? Text(string s) => s.Trim().Length == 0 ? null : s.Trim();
        return new NewSite(Name.Trim(), Number(Capacity)!.Value, TimeZone.Trim(), Text(Country), Text(City), Text(Address), Optional(Latitude).Value,
            Optional(Longitude).Value, InstallDate is { } d ? DateOnly.FromDateTime(d) : null);
    }

    /// <summary>Invariant numbers; a decimal comma is read as a point.</summary>
    private static double? Number(string text) =>
        double.TryParse(text.Trim().Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) ? v : null;

    private static (bool Ok, double? Value) Optional(string text) => text.Trim().Length == 0 ? (true, null) : Number(text) is { } v ? (true, v) : (false, null);
}
