using SolarDashboard.Components.Shared;
using SolarDashboard.Core.Queries;

namespace SolarDashboard.Components.Monitoring;

/// <summary>The alarm list's filters (severity, device type, plant) and the choices they offer, taken from the alarms at hand.</summary>
public sealed record AlarmFilter(int? Level = null, int? DeviceTypeId = null, int? PlantId = null)
{
    public static readonly IReadOnlyList<Option<int>> Levels = Enumerable.Range(1, 4).Select(l => new Option<int>(Format.Severity(l), l)).ToList();

    public IReadOnlyList<AlarmView> Apply(IEnumerable<AlarmView> alarms) =>
        alarms.Where(a => (Level is null || a.Level == Level) && (DeviceTypeId is null || a.DeviceTypeId == DeviceTypeId) && (PlantId is null || a.PlantId == PlantId)).ToList();

    public static IReadOnlyList<Option<int>> DeviceTypes(IEnumerable<AlarmView> alarms) =>
        alarms.Where(a => a.DeviceTypeId is not null).Select(a => a.DeviceTypeId!.Value).Distinct().Order()
            .Select(t => new Option<int>(Shared.DeviceTypes.Name(t), t)).ToList();

    public static IReadOnlyList<Option<int>> Plants(IEnumerable<AlarmView> alarms) =>
        alarms.Select(a => (a.PlantId, a.PlantName)).Distinct().OrderBy(p => p.PlantName, StringComparer.Ordinal)
            .Select(p => new Option<int>(p.PlantName, p.PlantId)).ToList();
}
