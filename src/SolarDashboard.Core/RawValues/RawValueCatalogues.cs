using SolarDashboard.Core.Connections;

namespace SolarDashboard.Core.RawValues;

/// <summary>Each vendor's <see cref="IRawValueCatalogue"/>; a vendor without one has its keys shown as they came.</summary>
public sealed class RawValueCatalogues(IEnumerable<IRawValueCatalogue> catalogues)
{
    private readonly Dictionary<Vendor, IRawValueCatalogue> _byVendor = catalogues.ToDictionary(c => c.Vendor);

    public IRawValueCatalogue For(Vendor vendor) => _byVendor.TryGetValue(vendor, out var catalogue) ? catalogue : new AsTheyCame(vendor);

    /// <summary>Every raw value labelled and grouped in the catalogue's order; unknown keys under "Other" with their own name.</summary>
    public IReadOnlyList<RawValueGroup> Label(Vendor vendor, string? vendorType, IReadOnlyDictionary<string, double?> values)
    {
        var catalogue = For(vendor);
        var labelled = values.Select(v =>
        {
            var info = catalogue.Describe(vendorType, v.Key);
            var state = info.Kind == RawValueKind.State && v.Value is { } number ? catalogue.StateText(vendorType, v.Key, number) : null;
            return (info.Group, Value: new LabelledValue(v.Key, info.Label, info.Unit, info.Kind, v.Value, state));
        }).ToList();
        var order = catalogue.GroupOrder.Select((g, i) => (g, i)).ToDictionary(x => x.g, x => x.i);
        int Rank(string group) => group == RawValueInfo.OtherGroup ? int.MaxValue : order.GetValueOrDefault(group, order.Count);
        return labelled.GroupBy(l => l.Group).OrderBy(g => Rank(g.Key)).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new RawValueGroup(g.Key, g.Select(l => l.Value).OrderBy(v => v.Label, StringComparer.Ordinal).ThenBy(v => v.Key, StringComparer.Ordinal).ToList()))
            .ToList();
    }

    private sealed class AsTheyCame(Vendor vendor) : IRawValueCatalogue
    {
        public Vendor Vendor => vendor;
        public string VendorName => vendor.ToString();
        public string DeviceTypeName(string vendorType) => vendorType;
        public IReadOnlyList<string> GroupOrder => [];
        public IReadOnlyList<string> PreferredChartKeys => [];
        public RawValueInfo Describe(string? vendorType, string key) => RawValueInfo.Unknown(key);
        public string StateText(string? vendorType, string key, double value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
