namespace SolarDashboard.Vendors.FusionSolar.Sync;

/// <summary>What the account holds: plants and devices per type (reference 5.1.1.2 type ids).</summary>
public sealed record Inventory(int Plants, IReadOnlyDictionary<int, int> DevicesByType)
{
    public static readonly Inventory Empty = new(0, new Dictionary<int, int>());
}
