using SolarDashboard.Core.Connections;
using SolarDashboard.Core.Plants;
using SolarDashboard.Core.Reports;

namespace SolarDashboard.Core.Measures;

/// <summary>Each vendor's <see cref="IMeasureMapping"/>; a vendor without one gets no standard measures (its raw values stay).</summary>
public sealed class MeasureMappings(IEnumerable<IMeasureMapping> mappings)
{
    private readonly Dictionary<Vendor, IMeasureMapping> _byVendor = mappings.ToDictionary(m => m.Vendor);

    public IMeasureMapping For(Vendor vendor) => _byVendor.TryGetValue(vendor, out var mapping) ? mapping : new None(vendor);

    private sealed class None(Vendor vendor) : IMeasureMapping
    {
        public Vendor Vendor => vendor;
        public DeviceRole RoleOf(string vendorType) => DeviceRole.Other;
        public StandardValues Device(string vendorType, IReadOnlyDictionary<string, double?> raw) => StandardValues.Empty;
        public StandardValues Plant(IReadOnlyDictionary<string, double?> raw) => StandardValues.Empty;
        public StandardValues DeviceReport(string vendorType, ReportPeriod period, IReadOnlyDictionary<string, double?> raw) => StandardValues.Empty;
        public StandardValues PlantReport(ReportPeriod period, IReadOnlyDictionary<string, double?> raw) => StandardValues.Empty;
        public IReadOnlyCollection<string> SeriesInputs(string vendorType) => [];
        public bool IsLifetimeCounter(string rawKey) => false;
    }
}
