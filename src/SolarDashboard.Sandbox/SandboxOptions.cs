namespace SolarDashboard.Sandbox;

/// <summary>Settings of the simulated vendor clouds. Bound from configuration section <c>Sandbox</c>.</summary>
public sealed class SandboxOptions
{
    public const string Section = "Sandbox";

    /// <summary>Seed of the simulated fleet: the same seed gives the same plants, devices, weather and alarms.</summary>
    public int Seed { get; set; } = 20261121;

    /// <summary>Simulated seconds per real second (60 means one real minute is one simulated hour).</summary>
    public double TimeScale { get; set; } = 1;

    /// <summary>Simulated instant at sandbox start; default is the real current time.</summary>
    public DateTimeOffset? StartTime { get; set; }

    /// <summary>Faithful (reference section 4) by default. Relaxed multiplies every budget by 1000: for manual demos only.</summary>
    public FlowControlMode FlowControl { get; set; } = FlowControlMode.Faithful;

    public FleetOptions Fleet { get; set; } = new();

    public OAuthClientOptions OAuth { get; set; } = new();

    public QuirkOptions Quirks { get; set; } = new();

    public IdentityProviderOptions IdentityProvider { get; set; } = new();

    /// <summary>The simulated ATESS cloud (accounts, extra sites, quirks).</summary>
    public Atess.AtessOptions Atess { get; set; } = new();

    /// <summary>The REDEX certificate registry: accounts, registered inverters, quirks.</summary>
    public Redex.RedexOptions Redex { get; set; } = new();
}
