namespace SolarDashboard.Sandbox.Redex;

/// <summary>A REDEX business account: its API credentials and the inverters registered to it.</summary>
public sealed class RedexAccountOptions
{
    public string Name { get; set; } = "";
    public string ApiKey { get; set; } = "";
    public string ClientId { get; set; } = "";
    public string ClientSecret { get; set; } = "";
    public List<RedexInverterOptions> Inverters { get; set; } = [];
}
