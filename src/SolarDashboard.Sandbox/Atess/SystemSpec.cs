using SolarDashboard.Sandbox.Simulation;

namespace SolarDashboard.Sandbox.Atess;

/// <summary>
/// One power system behind a datalog: an inverter (HPS or PCS), its PV, its battery and what is wired to it. Each system
/// is one <see cref="PlantSimulator"/>; the devices of the system are views of it.
/// </summary>
internal sealed record SystemSpec(
    int SystemNo,
    double RatedKw,
    double PvKwp,
    BatteryLayout Battery,
    double BatteryMaxKw,
    bool OffGrid,
    double GeneratorKw,
    double NonCriticalShare,
    int ParallelUnits = 1);
