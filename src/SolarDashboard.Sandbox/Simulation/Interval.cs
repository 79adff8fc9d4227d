namespace SolarDashboard.Sandbox.Simulation;

/// <summary>
/// One 5-minute interval starting at <see cref="Start"/>. Powers are interval averages in kW:
/// battery positive = charging, grid positive = import. <see cref="End"/> holds the counters after the interval.
/// Balance by construction: PvAc + Discharge + Import + Generator = Load + Charge + Export. <see cref="Flags"/> tells what
/// the site rules did (always None without them).
/// </summary>
public readonly record struct Interval(
    DateTimeOffset Start,
    double IrradianceWm2,
    double AmbientC,
    double PvDcKw,
    double PvAcKw,
    double LoadKw,
    double BatteryKw,
    double GridKw,
    double SocEnd,
    bool Curtailed,
    int ForcedId,
    Counters End,
    double GeneratorKw = 0,
    SiteFlags Flags = SiteFlags.None);
