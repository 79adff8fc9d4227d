using SolarDashboard.Core.Queries;

namespace SolarDashboard.Components.Monitoring;

/// <summary>A device as the fleet's device list shows it: flat, so each column can be filtered and sorted by its value.</summary>
public sealed record DeviceRow(int Id, string Name, string Type, int PlantId, string Plant, string? Model, DateTimeOffset? CollectedAt, bool IsStale)
{
    public static DeviceRow Of(DeviceSummary d, PlantSummary plant) =>
        new(d.Id, d.Name, Shared.DeviceTypes.Name(d.TypeId), plant.Id, plant.Name, d.Model, d.CollectedAt, d.IsStale && d.CollectedAt is not null);
}
