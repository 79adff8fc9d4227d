using SolarDashboard.Core.Connections;
using SolarDashboard.Core.Plants;
using SolarDashboard.Core.Reports;

namespace SolarDashboard.Core.Measures;

/// <summary>
/// A vendor's meaning of its raw values, written once per vendor: which role each of its device types plays, and its raw
/// keys turned into <see cref="StandardMeasure"/>s with their fixed units and signs. Core calls it at ingest and for the
/// one-off backfill of data stored before standard measures existed, so it must be a pure function of its arguments.
/// </summary>
public interface IMeasureMapping
{
    Vendor Vendor { get; }

    DeviceRole RoleOf(string vendorType);

    /// <summary>A device's real-time or 5-minute values.</summary>
    StandardValues Device(string vendorType, IReadOnlyDictionary<string, double?> raw);

    /// <summary>Plant-level values the vendor reports itself (not its devices'): they win over the devices' sum.</summary>
    StandardValues Plant(IReadOnlyDictionary<string, double?> raw);

    /// <summary>A device report's energy within its period (<see cref="MeasureKind.EnergyInPeriod"/> measures).</summary>
    StandardValues DeviceReport(string vendorType, ReportPeriod period, IReadOnlyDictionary<string, double?> raw);

    /// <summary>A plant report's energy within its period.</summary>
    StandardValues PlantReport(ReportPeriod period, IReadOnlyDictionary<string, double?> raw);

    /// <summary>The raw keys a device's standard series are computed from (read back by the backfill of stored series).</summary>
    IReadOnlyCollection<string> SeriesInputs(string vendorType);

    /// <summary>A raw key that only grows over a device's life: a lower reading is the vendor's glitch, not lost energy.</summary>
    bool IsLifetimeCounter(string rawKey);
}
