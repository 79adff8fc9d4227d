using SolarDashboard.Core.Control;

namespace SolarDashboard.Vendors.FusionSolar.Control;

/// <summary>
/// Reference 7.5, practice 2: set TOU with surplus PV fed to the grid and a single one-minute charge window, so the working
/// mode no longer moves the battery; forced charge and discharge tasks then control it alone.
/// </summary>
public static class ManualControl
{
    /// <summary>
    /// allowedAcChargePower may be "any valid value" (7.5): 0 kW is valid for every controller and battery, where the
    /// reference's example of 10 kW is more than a 5 kW home battery takes, and is refused by the plant's own range.
    /// </summary>
    public static BatteryModeParameters Practice2Mode { get; } =
        new(true, SurplusPv.FeedToGrid, 0, [new TouWindow("00:05", "00:06", true, [1])]);

    private static readonly System.Text.Json.JsonSerializerOptions Json = new(System.Text.Json.JsonSerializerDefaults.Web);
    private static readonly string Practice2Json = System.Text.Json.JsonSerializer.Serialize<ControlParameters>(Practice2Mode, Json);

    /// <summary>Whether these parameters (or their stored JSON) are step 1 of practice 2.</summary>
    public static bool Is(ControlParameters parameters) => System.Text.Json.JsonSerializer.Serialize(parameters, Json) == Practice2Json;

    public static bool Is(string parametersJson) => parametersJson == Practice2Json;
}
