namespace SolarDashboard.Core.Plants;

/// <summary>A device of a plant.</summary>
public sealed class Device
{
    public int Id { get; set; }
    public int PlantId { get; set; }

    /// <summary>The vendor's key of the device, as text: a FusionSolar devId ("1000000033594958"), an ATESS serial ("UMD0D23202").</summary>
    public required string VendorKey { get; set; }

    public string? SerialNumber { get; set; }
    public required string Name { get; set; }

    /// <summary>What it does, whatever the vendor calls it: decides how its values count for the plant.</summary>
    public DeviceRole Role { get; set; }

    /// <summary>The vendor's own type, as text (a FusionSolar device type number, an ATESS model such as "HPS150HV").</summary>
    public required string VendorType { get; set; }

    public string? Model { get; set; }
    public string? Firmware { get; set; }
    public int? Optimizers { get; set; }
    public DateTimeOffset LastSeenAt { get; set; }
}
