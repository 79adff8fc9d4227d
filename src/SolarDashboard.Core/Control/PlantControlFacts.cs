using SolarDashboard.Core.Connections;

namespace SolarDashboard.Core.Control;

/// <summary>
/// What the forms and the rules know of a plant before anything is sent, read by its vendor. <see cref="BatteryModeText"/>
/// names <see cref="BatteryModeCode"/> in the vendor's words; <see cref="Vendor"/> says whose rules apply.
/// </summary>
public sealed record PlantControlFacts(
    int PlantId, string PlantName, string PlantCode, int ConnectionId,
    bool ConnectionAllowsControl, string? ConnectionProblem,
    bool HasBattery, bool IsLgBattery, ControllerType Controller, bool ControllerOnline,
    double? SocPercent, int? BatteryModeCode, double? MaxChargeW, double? MaxDischargeW, double? InverterRatedKw,
    int? RunningTaskId)
{
    public Vendor Vendor { get; init; }

    public string? BatteryModeText { get; init; }

    /// <summary>The plant's time zone (IANA id or fixed offset): TOU windows and every time in the forms are in it.</summary>
    public string? TimeZoneId { get; init; }

    /// <summary>The working mode with its TOU windows as the plant reports it, where the vendor reports it (FusionSolar does not: 5.2.3 only sets it).</summary>
    public BatteryModeParameters? ReportedMode { get; init; }

    /// <summary>Devices whose settings can be changed one by one (vendor key → the vendor's type); empty where the vendor has none.</summary>
    public IReadOnlyDictionary<string, string> DeviceTypes { get; init; } = new Dictionary<string, string>();

    /// <summary>Why device settings cannot be sent now (the connection); null when they can.</summary>
    public string? DeviceSettingsProblem { get; init; }
}
