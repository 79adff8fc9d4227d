using SolarDashboard.Core.Connections;

namespace SolarDashboard.Core.Control;

/// <summary>Each vendor's <see cref="IControlVendor"/>; a vendor without one cannot be controlled.</summary>
public sealed class ControlVendors(IEnumerable<IControlVendor> vendors)
{
    private readonly Dictionary<Vendor, IControlVendor> _byVendor = vendors.ToDictionary(v => v.Vendor);

    public IControlVendor? For(Vendor vendor) => _byVendor.GetValueOrDefault(vendor);

    public IReadOnlyCollection<IControlVendor> All => _byVendor.Values;
}
