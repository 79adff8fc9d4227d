namespace SolarDashboard.Sandbox.Simulation;

/// <summary>
/// What a BMS sees at one instant: pack voltage and current (+ = charging), and the extreme cells and modules with their
/// rack (1-based), module (1-based within the rack) and cell (1-based within the module) numbers.
/// </summary>
public sealed record CellSnapshot(
    double PackVolts,
    double CurrentA,
    double MeanCellVolts,
    double MaxCellVolts, int MaxVoltRack, int MaxVoltModule, int MaxVoltCell,
    double MinCellVolts, int MinVoltRack, int MinVoltModule, int MinVoltCell,
    double MaxTemp, int MaxTempRack, int MaxTempModule,
    double MinTemp, int MinTempRack, int MinTempModule);
