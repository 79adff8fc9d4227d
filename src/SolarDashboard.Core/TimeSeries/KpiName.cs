namespace SolarDashboard.Core.TimeSeries;

/// <summary>Series names (a vendor's raw keys, and the reserved "std:" names of standard measures) numbered once, so series rows stay small.</summary>
public sealed class KpiName
{
    public int Id { get; set; }
    public required string Name { get; set; }
}
