namespace SolarDashboard.Sandbox.Simulation;

/// <summary>A battery of racks in parallel, each a string of modules in series, each of cells in series.</summary>
public sealed record BatteryLayout(int Racks, int ModulesPerRack, int CellsPerModule, double CellAh)
{
    public int CellsPerRack => ModulesPerRack * CellsPerModule;
    public double NominalVolts => CellsPerRack * BatteryCells.NominalCellVolts;
    public double CapacityKwh => Racks * NominalVolts * CellAh / 1000;
}
