using System.Text.Json.Serialization;

namespace SolarDashboard.Core.Control;

/// <summary>
/// One plant's parameters for a control task, in the vendor-neutral vocabulary of battery and feed-in settings (first
/// written for FusionSolar's reference 5.2); each vendor turns them into its wire form.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(ChargeDischargeParameters), "chargeDischarge")]
[JsonDerivedType(typeof(BatteryModeParameters), "batteryMode")]
[JsonDerivedType(typeof(BatteryLimitParameters), "batteryLimits")]
[JsonDerivedType(typeof(FeedInParameters), "feedIn")]
[JsonDerivedType(typeof(DeviceSettingParameters), "deviceSetting")]
public abstract record ControlParameters
{
    [JsonIgnore] public abstract ControlKind Kind { get; }
}
