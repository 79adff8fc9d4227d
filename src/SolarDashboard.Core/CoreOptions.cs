using System.ComponentModel.DataAnnotations;

namespace SolarDashboard.Core;

/// <summary>Where the dashboard keeps its state. Bound from section <c>SolarDashboard</c>.</summary>
public sealed class CoreOptions
{
    public const string Section = "SolarDashboard";

    /// <summary>Folder for the SQLite database and the Data Protection keys (relative paths are under the content root).</summary>
    [Required]
    public string DataDirectory { get; set; } = "data";

    /// <summary>Demo mode: connect to the built-in sandbox with the demo accounts.</summary>
    public bool DemoMode { get; set; }

    /// <summary>
    /// Optional PFX file whose certificate encrypts the Data Protection keys at rest (which in turn encrypt the stored
    /// tokens and passwords). Without it the keys are stored unencrypted beside the database: protect that folder.
    /// </summary>
    public string? KeyCertificatePath { get; set; }

    public string? KeyCertificatePassword { get; set; }

    /// <summary>
    /// The address people reach the dashboard at (e.g. https://dash.example.com/), for links in e-mail. Empty: the
    /// address the app listens on, which behind a reverse proxy is not the public one.
    /// </summary>
    [Url]
    public string? PublicBaseUrl { get; set; }

    /// <summary>
    /// Kilograms of CO₂ the grid emits per kWh, for "CO₂ avoided" (each kWh of PV yield replaces one from the grid).
    /// The default, 0.4, is about the German grid mix of recent years; set your grid operator's or country's figure.
    /// </summary>
    [Range(0.0, 2.0)]
    public double Co2KgPerKwh { get; set; } = 0.4;
}
