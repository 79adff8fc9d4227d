namespace SolarDashboard.Sandbox.Atess;

/// <summary>A device behind a datalog. Its settings live on the device (they survive being moved to another plant).</summary>
internal sealed class AtessDevice
{
    public required string Sn { get; init; }
    public required DeviceSpec Spec { get; init; }
    public required string DataLogSn { get; init; }

    /// <summary>Current settings; guarded by the fleet's lock.</summary>
    public required Dictionary<string, double> Settings { get; init; }

    public AtessFamily Family => Spec.Family;

    /// <summary>A stable number for the device's deterministic noise.</summary>
    public long Key => (long)(Simulation.DetRandom.Hash(Sn.Aggregate(17L, (h, c) => h * 31 + c)) >> 1);
}
