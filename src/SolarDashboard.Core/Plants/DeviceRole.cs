namespace SolarDashboard.Core.Plants;

/// <summary>
/// What a device does in a plant, whatever its vendor calls it. Plant values are combined from devices by role
/// (<see cref="Measures.PlantAggregation"/>), so the role decides which device's numbers count.
/// </summary>
public enum DeviceRole
{
    /// <summary>Turns PV into AC (a string or residential inverter, or an ATESS PCS: a battery inverter).</summary>
    Inverter,

    /// <summary>PV, battery and grid in one unit (an ATESS HPS).</summary>
    HybridInverter,

    /// <summary>A whole battery (a FusionSolar battery or C&amp;I ESS, an ATESS master BMS).</summary>
    Battery,

    /// <summary>One rack of a battery (an ATESS BCU): counted only when no whole-battery device reports.</summary>
    BmsRack,

    /// <summary>A meter at the grid connection point.</summary>
    Meter,

    /// <summary>A power sensor at the grid connection point (a smaller meter).</summary>
    PowerSensor,

    /// <summary>A DC-DC PV converter feeding a battery bus (an ATESS PBD).</summary>
    DcConverter,

    /// <summary>A data logger or energy manager (Dongle, SmartLogger, EMMA, ATESS datalog).</summary>
    Logger,

    Other,
}
