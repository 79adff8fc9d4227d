namespace SolarDashboard.Vendors.Redex;

/// <summary>
/// REDEX paths and the accumulated value's field name. The reference (our contract) spells them
/// <c>generation-data</c> and <c>AccumulatedPowerInKWh</c>; newer REDEX documentation says <c>generation-datas</c> and
/// <c>AccumulatedEnergyInKWh</c>, so both stay configurable.
/// </summary>
public sealed class RedexOptions
{
    public const string Section = "Redex";

    /// <summary>The production host; demo mode uses the sandbox's path on this app's own address.</summary>
    public string DefaultBaseUrl { get; set; } = "https://api.redex.eco/";

    public string TokenPath { get; set; } = "public/v2/connect/token";
    public string RefreshPath { get; set; } = "public/v2/connect/token/refresh";
    public string GenerationPath { get; set; } = "public/v2/generation-data";
    public string AccumulatedField { get; set; } = "AccumulatedPowerInKWh";
    public string StatusPath { get; set; } = "public/v2/generation-datas/statuses";
}
