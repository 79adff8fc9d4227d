using SolarDashboard.Sandbox.Simulation;

namespace SolarDashboard.Sandbox.Atess;

/// <summary>
/// One power system behind a datalog: an inverter (HPS or PCS), its PV, its battery and what is wired to it. Each system
/// is one <see cref="PlantSimulator"/>; the devices of the system are views of it. <see cref="LoadScale"/> sizes the
/// site's load against its PV (the shared load model scales a business's load with the PV capacity).
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
    double LoadScale,
    int ParallelUnits = 1);
