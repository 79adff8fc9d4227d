namespace SolarDashboard.Core.Control;

/// <summary>
/// A vendor's documented rules for control tasks: the form shows them as bounds and hints, and the ledger enforces them
/// before anything is sent, so an invalid form never reaches the vendor.
/// </summary>
public interface IControlRules
{
    /// <summary>Plants one delivery may carry.</summary>
    int MaxPlants(ControlKind kind);

    /// <summary>Charge and discharge windows a time-of-use mode may have.</summary>
    int MaxWindows { get; }

    /// <summary>A numeric field's bounds for this plant; without a plant, the widest the vendor allows for any plant.</summary>
    FieldLimit Limit(ControlField field, PlantControlFacts? plant, ForcedAction action = ForcedAction.Charge);

    /// <summary>Problems with time-of-use windows (format, order, days, overlaps), as the operator edits them.</summary>
    IReadOnlyList<string> WindowProblems(IReadOnlyList<TouWindow> windows);

    /// <summary>Problems with one plant's parameters, each naming the plant; empty when it may be sent.</summary>
    IReadOnlyList<string> Check(ControlParameters parameters, PlantControlFacts plant);

    /// <summary>What the task will do at this plant, in one sentence, shown before it is sent.</summary>
    string Describe(ControlParameters parameters, PlantControlFacts plant);

    /// <summary>A working mode that leaves the battery to forced charge and discharge tasks alone, where the vendor documents one.</summary>
    BatteryModeParameters? ManualControlMode { get; }
}
