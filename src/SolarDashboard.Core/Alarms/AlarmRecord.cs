namespace SolarDashboard.Core.Alarms;

/// <summary>
/// An alarm as tracked locally. The vendor lists only active alarms, so an alarm that was active and is missing from a
/// later complete answer is recorded as cleared at that time.
/// </summary>
public sealed class AlarmRecord
{
    public int Id { get; set; }
    public int PlantId { get; set; }
    public int? DeviceId { get; set; }
    public string? DeviceName { get; set; }
    public string? SerialNumber { get; set; }

    /// <summary>The vendor's type of the device that raised it, as text (see <see cref="Plants.Device.VendorType"/>).</summary>
    public string? DeviceVendorType { get; set; }

    public int AlarmId { get; set; }
    public int? CauseId { get; set; }
    public required string Name { get; set; }
    public string? Cause { get; set; }
    public string? RepairSuggestion { get; set; }

    /// <summary>1 critical, 2 major, 3 minor, 4 warning.</summary>
    public int Level { get; set; }

    public int? AlarmType { get; set; }
    public DateTimeOffset RaisedAt { get; set; }
    public DateTimeOffset FirstSeenAt { get; set; }
    public DateTimeOffset LastSeenAt { get; set; }
    public DateTimeOffset? ClearedAt { get; set; }
}
