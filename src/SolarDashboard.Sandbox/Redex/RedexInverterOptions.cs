namespace SolarDashboard.Sandbox.Redex;

/// <summary>An inverter registered with REDEX (a "grouped device").</summary>
public sealed class RedexInverterOptions
{
    public string RemoteInvId { get; set; } = "";
    public string SerialNumber { get; set; } = "";
    public double CapacityKw { get; set; }

    /// <summary>First day the registry takes production for.</summary>
    public DateOnly StartDate { get; set; }

    /// <summary>Free text for the admin view (FusionSolar, ATESS, …).</summary>
    public string Vendor { get; set; } = "";
}
