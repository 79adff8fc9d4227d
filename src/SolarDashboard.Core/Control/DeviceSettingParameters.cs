using System.Text.Json.Serialization;

namespace SolarDashboard.Core.Control;

/// <summary>
/// A change of one device's settings (ATESS "modify setting"): the device's vendor key and the new values by the vendor's
/// setting names, in the setting's own unit. Only the settings that change are listed.
/// </summary>
public sealed record DeviceSettingParameters(string DeviceKey, IReadOnlyDictionary<string, double> Changes) : ControlParameters
{
    [JsonIgnore] public override ControlKind Kind => ControlKind.DeviceSetting;
}
