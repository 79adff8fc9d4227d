using SolarDashboard.Components.Shared;
using SolarDashboard.Core.Queries;

namespace SolarDashboard.Components.Monitoring;

/// <summary>The alarm list's filters (severity, device type, plant) and the choices they offer, taken from the alarms at hand.</summary>
public sealed record AlarmFilter(int? Level = null, string? DeviceType = null, int? PlantId = null)
{
    public static readonly IReadOnlyList<Option<int>> Levels = Enumerable.Range(1, 4).Select(l => new Option<int>(Format.Severity(l), l)).ToList();

    public IReadOnlyList<AlarmView> Apply(IEnumerable<AlarmView> alarms) =>
        alarms.Where(a => (Level is null || a.Level == Level) && (DeviceType is null || a.DeviceType == DeviceType) && (PlantId is null || a.PlantId == PlantId)).ToList();

    /// <summary>The device types' names in the vendors' catalogues, as the alarms carry them.</summary>
    public static IReadOnlyList<Option<string>> DeviceTypes(IEnumerable<AlarmView> alarms) =>
        alarms.Where(a => a.DeviceType is not null).Select(a => a.DeviceType!).Distinct().Order(StringComparer.Ordinal)
            .Select(t => new Option<string>(t, t)).ToList();

    public static IReadOnlyList<Option<int>> Plants(IEnumerable<AlarmView> alarms) =>
        alarms.Select(a => (a.PlantId, a.PlantName)).Distinct().OrderBy(p => p.PlantName, StringComparer.Ordinal)
            .Select(p => new Option<int>(p.PlantName, p.PlantId)).ToList();
}
