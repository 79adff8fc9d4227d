namespace SolarDashboard.Core.Measures;

/// <summary>What a standard measure is, which fixes its unit and how several devices' values combine.</summary>
public enum MeasureKind
{
    /// <summary>kW, summed.</summary>
    Power,

    /// <summary>% state of charge, averaged.</summary>
    StateOfCharge,

    /// <summary>kWh since plant-local midnight, summed.</summary>
    EnergyToday,

    /// <summary>kWh over the device's or plant's life, summed; never goes down.</summary>
    EnergyLifetime,

    /// <summary>kWh within a report's plant-local period (hour, day, month, year), summed.</summary>
    EnergyInPeriod,

    /// <summary>A <see cref="Measures.Health"/> code; the worst one counts.</summary>
    Health,
}
