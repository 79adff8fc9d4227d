namespace SolarDashboard.Core.Control;

/// <summary>The control ledger's settings. The section keeps its first name: FusionSolar was the first vendor with control.</summary>
public sealed class ControlOptions
{
    public const string Section = "FusionSolar:Control";

    /// <summary>How long a delivery may take before its outcome counts as unknown (it is then reconciled, never resent).</summary>
    public TimeSpan DeliveryTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the tracker looks for due checks (each task keeps its own schedule; this only bounds the delay).</summary>
    public TimeSpan Tick { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Control calls per connection and UTC day kept back from status checks, so a new task can still be delivered.</summary>
    public int DeliveryReserve { get; set; } = 10;
}
