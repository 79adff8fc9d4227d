using SolarDashboard.Core.Queries;

namespace SolarDashboard.Components.Monitoring;

/// <summary>A device as the fleet's device list shows it: flat, so each column can be filtered and sorted by its value.</summary>
public sealed record DeviceRow(int Id, string Name, string Type, int PlantId, string Plant, string? Model, DateTimeOffset? CollectedAt, bool IsStale)
{
    /// <summary>Whether the device's name, type, plant or model contains the text (any case).</summary>
    public bool Matches(string search) => search.Length == 0 || new[] { Name, Type, Plant, Model }.Any(v => v?.Contains(search, StringComparison.OrdinalIgnoreCase) == true);

    public static DeviceRow Of(DeviceSummary d, PlantSummary plant) =>
        new(d.Id, d.Name, d.TypeName, plant.Id, plant.Name, d.Model, d.CollectedAt, d.IsStale && d.CollectedAt is not null);
}
