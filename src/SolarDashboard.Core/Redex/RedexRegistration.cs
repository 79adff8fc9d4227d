namespace SolarDashboard.Core.Redex;

/// <summary>A device of any vendor registered at REDEX: its days from <see cref="StartDate"/> on are sent under <see cref="RemoteInvId"/>.</summary>
public sealed class RedexRegistration
{
    public int Id { get; set; }
    public int AccountId { get; set; }
    public int DeviceId { get; set; }
    public required string RemoteInvId { get; set; }

    /// <summary>The first plant-local day to send.</summary>
    public DateOnly StartDate { get; set; }

    /// <summary>The capacity registered at REDEX in kW: a day above capacity × 24 h is held. Null: the plant's capacity.</summary>
    public double? CapacityKw { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
