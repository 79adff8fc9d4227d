using SolarDashboard.Core.Measures;
using SolarDashboard.Core.RawValues;

namespace SolarDashboard.Core.Queries;

/// <summary>
/// A plant with its yields, live energy flow and devices. <see cref="Measures"/> holds every combined standard measure
/// (today's and lifetime energies included); <see cref="VendorValues"/> the plant-level raw values the vendor reports,
/// labelled by its catalogue.
/// </summary>
public sealed record PlantDetail(PlantSummary Summary, AgedValue MonthYieldKwh, AgedValue TotalYieldKwh, EnergyFlow Flow, StandardValues Measures,
    IReadOnlyList<RawValueGroup> VendorValues, IReadOnlyList<DeviceSummary> Devices);
