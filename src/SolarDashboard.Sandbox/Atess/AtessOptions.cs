namespace SolarDashboard.Sandbox.Atess;

/// <summary>The simulated ATESS cloud: its accounts, extra sites and opt-in quirks. Bound from <c>Sandbox:Atess</c>.</summary>
public sealed class AtessOptions
{
    /// <summary>The demo account; it owns the demo sites.</summary>
    public string AccountId { get; set; } = "demo-atess";
    public string ApiKey { get; set; } = "demo-atess-key";

    /// <summary>A second account that owns nothing at start (for "no access" answers and onboarding).</summary>
    public string OtherAccountId { get; set; } = "other-atess";
    public string OtherApiKey { get; set; } = "other-atess-key";

    /// <summary>Sites added to the demo account beyond the three demo sites (benchmarks); they cycle through the demo kits.</summary>
    public int ExtraSites { get; set; }

    public AtessQuirkOptions Quirks { get; set; } = new();
}
