namespace SolarDashboard.Sandbox.Simulation;

/// <summary>
/// How a hybrid system (ATESS HPS, PCS + PBD) runs beyond the basic self-consumption of <see cref="PlantSimulator"/>.
/// Null in <see cref="ControlState.Site"/> for FusionSolar plants, whose physics is then exactly as before.
/// </summary>
public sealed record SiteRules
{
    /// <summary>The inverter is stopped (switched off, or a parallel fault): no PV, no battery; loads on the grid bypass.</summary>
    public bool Halted { get; init; }

    /// <summary>The PV converter is stopped (a PBD switched off or in fault): no PV.</summary>
    public bool PvOff { get; init; }

    /// <summary>No grid: PV, battery and generator must serve the load; what they cannot serve is shed.</summary>
    public bool OffGrid { get; init; }

    /// <summary>Most AC power the inverter delivers (load power limit); on the grid the rest of the load goes through the bypass.</summary>
    public double? OutputLimitKw { get; init; }

    /// <summary>Grid power compensation: the battery discharges so that grid import stays at or below this.</summary>
    public double? GridImportLimitKw { get; init; }

    /// <summary>Grid charging below a start SOC until a stop SOC; null when disabled.</summary>
    public Hysteresis? GridCharge { get; init; }

    /// <summary>Generator start and stop SOC and its power; null when disabled or absent.</summary>
    public Hysteresis? Generator { get; init; }

    /// <summary>Battery module temperatures (°C) within which charging is allowed.</summary>
    public (double Min, double Max)? ChargeTemperature { get; init; }

    /// <summary>Battery module temperatures (°C) within which discharging is allowed.</summary>
    public (double Min, double Max)? DischargeTemperature { get; init; }

    /// <summary>What the vendor layer derived these rules from (its settings), so history reports them as they were.</summary>
    public object? VendorState { get; init; }

    /// <summary>A rule that starts below <paramref name="StartSoc"/> and runs until <paramref name="StopSoc"/>, at up to <paramref name="MaxKw"/>.</summary>
    public sealed record Hysteresis(double StartSoc, double StopSoc, double MaxKw);
}
