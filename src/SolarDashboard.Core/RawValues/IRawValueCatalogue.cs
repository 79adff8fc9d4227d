using SolarDashboard.Core.Connections;

namespace SolarDashboard.Core.RawValues;

/// <summary>
/// A vendor's names for what it sends: device types, and each raw key's group, label, unit and state texts, as its
/// reference gives them. Core labels raw values with it, so pages show every key without knowing any vendor.
/// </summary>
public interface IRawValueCatalogue
{
    Vendor Vendor { get; }

    /// <summary>The vendor as people know it ("FusionSolar").</summary>
    string VendorName { get; }

    string DeviceTypeName(string vendorType);

    /// <summary>Groups in the order they are shown; a group not listed comes after them, <see cref="RawValueInfo.OtherGroup"/> last.</summary>
    IReadOnlyList<string> GroupOrder { get; }

    /// <summary>Raw keys a device chart opens with, first available first.</summary>
    IReadOnlyList<string> PreferredChartKeys { get; }

    /// <summary>A key of a device of <paramref name="vendorType"/>, or of the plant itself when it is null.</summary>
    RawValueInfo Describe(string? vendorType, string key);

    /// <summary>The name of a state value ("Grid-connected"); only asked for keys described as <see cref="RawValueKind.State"/>.</summary>
    string StateText(string? vendorType, string key, double value);
}
