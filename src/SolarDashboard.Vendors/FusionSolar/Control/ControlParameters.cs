using System.Text.Json.Serialization;
using SolarDashboard.Core.Control;

namespace SolarDashboard.Vendors.FusionSolar.Control;

/// <summary>One plant's parameters for one of the four control tasks (reference 5.2), in our terms; see <see cref="ControlWire"/> for the vendor's.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(ChargeDischargeParameters), "chargeDischarge")]
[JsonDerivedType(typeof(BatteryModeParameters), "batteryMode")]
[JsonDerivedType(typeof(BatteryLimitParameters), "batteryLimits")]
[JsonDerivedType(typeof(FeedInParameters), "feedIn")]
public abstract record ControlParameters
{
    [JsonIgnore] public abstract ControlKind Kind { get; }
}

public enum ForcedAction { Stop = 0, Charge = 1, Discharge = 2 }

/// <summary>5.2.1. SOC control (target SOC) or duration control (minutes in [0, 1440]); power in W, signed as documented.</summary>
public sealed record ChargeDischargeParameters(ForcedAction Action, bool SocControl, double? TargetSoc, int? Minutes, int? PowerW) : ControlParameters
{
    [JsonIgnore] public override ControlKind Kind => ControlKind.ChargeDischarge;
}

/// <summary>A TOU window: "HH:MM" start and end, charge or discharge, repeat days 1 = Monday … 7 = Sunday.</summary>
public sealed record TouWindow(string Start, string End, bool Charge, IReadOnlyList<int> Days);

public enum SurplusPv { FeedToGrid, Charge }

/// <summary>5.2.3: maximum self-consumption, or TOU with surplus-PV priority, max grid charge power (kW) and up to 14 windows.</summary>
public sealed record BatteryModeParameters(bool Tou, SurplusPv? SurplusPriority, double? MaxGridChargeKw, IReadOnlyList<TouWindow> Windows) : ControlParameters
{
    [JsonIgnore] public override ControlKind Kind => ControlKind.BatteryMode;

    public static BatteryModeParameters MaximumSelfConsumption { get; } = new(false, null, null, []);
}

/// <summary>5.2.5: at least one of end-of-charge SOC [90, 100], end-of-discharge SOC [0, 20], max charge and discharge power (W).</summary>
public sealed record BatteryLimitParameters(double? EndOfChargeSoc, double? EndOfDischargeSoc, int? MaxChargeW, int? MaxDischargeW) : ControlParameters
{
    [JsonIgnore] public override ControlKind Kind => ControlKind.BatteryConfig;
}

/// <summary>5.2.7: unlimited, or limited feed-in (kW) for the total or per phase.</summary>
public sealed record FeedInParameters(bool Limited, double? MaxFeedInKw, bool PerPhase) : ControlParameters
{
    [JsonIgnore] public override ControlKind Kind => ControlKind.ActivePower;
}

/// <summary>The controller that networks the plant (5.2.3, 5.2.7), found from the device list.</summary>
public enum ControllerType { Dongle, Emma, SmartLogger, DistributedSmartLogger, Inverter }

/// <summary>What the forms and the rules know of a plant before anything is sent.</summary>
public sealed record PlantControlFacts(
    int PlantId, string PlantName, string PlantCode, int ConnectionId,
    bool ConnectionAllowsControl, string? ConnectionProblem,
    bool HasBattery, bool IsLgBattery, ControllerType Controller, bool ControllerOnline,
    double? SocPercent, int? BatteryModeCode, double? MaxChargeW, double? MaxDischargeW, double? InverterRatedKw,
    int? RunningTaskId);

/// <summary>
/// Reference 7.5, practice 2: set TOU with surplus PV fed to the grid and a single one-minute charge window, so the working
/// mode no longer moves the battery; forced charge and discharge tasks then control it alone.
/// </summary>
public static class ManualControl
{
    public static BatteryModeParameters Practice2Mode { get; } =
        new(true, SurplusPv.FeedToGrid, 10, [new TouWindow("00:05", "00:06", true, [1])]);

    private static readonly System.Text.Json.JsonSerializerOptions Json = new(System.Text.Json.JsonSerializerDefaults.Web);
    private static readonly string Practice2Json = System.Text.Json.JsonSerializer.Serialize<ControlParameters>(Practice2Mode, Json);

    /// <summary>Whether these parameters (or their stored JSON) are step 1 of practice 2.</summary>
    public static bool Is(ControlParameters parameters) => System.Text.Json.JsonSerializer.Serialize(parameters, Json) == Practice2Json;

    public static bool Is(string parametersJson) => parametersJson == Practice2Json;
}
