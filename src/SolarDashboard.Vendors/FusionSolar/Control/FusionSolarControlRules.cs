using SolarDashboard.Core.Control;

namespace SolarDashboard.Vendors.FusionSolar.Control;

/// <summary>Reference 5.2's rules as the control ledger and form ask for them (<see cref="ControlRules"/>, <see cref="ControlLimits"/>), and practice 2 of 7.5.</summary>
public sealed class FusionSolarControlRules : IControlRules
{
    public int MaxPlants(ControlKind kind) => ControlRules.MaxPlants(kind);

    public int MaxWindows => ControlLimits.MaxWindows;

    public FieldLimit Limit(ControlField field, PlantControlFacts? plant, ForcedAction action = ForcedAction.Charge) => ControlLimits.For(field, plant, action);

    public IReadOnlyList<string> WindowProblems(IReadOnlyList<TouWindow> windows) => ControlRules.WindowProblems(windows);

    public IReadOnlyList<string> Check(ControlParameters parameters, PlantControlFacts plant) => ControlRules.Check(parameters, plant);

    public string Describe(ControlParameters parameters, PlantControlFacts plant) => ControlRules.Describe(parameters, plant);

    public BatteryModeParameters? ManualControlMode => ManualControl.Practice2Mode;
}
