namespace SolarDashboard.Sandbox.Simulation;

/// <summary>What the site rules did in one interval. The latches (generator, grid charging) carry over to the next one.</summary>
[Flags]
public enum SiteFlags
{
    None = 0,
    GeneratorOn = 1,
    GridCharging = 2,
    LoadShed = 4,
    Halted = 8,
    PeakShaving = 16,
    OutputLimited = 32,
    Curtailed = 64,
    Bypass = 128,
    ChargeBlocked = 256,
    DischargeBlocked = 512,

    /// <summary>The states that carry from one interval to the next (hysteresis).</summary>
    Latches = GeneratorOn | GridCharging,
}
