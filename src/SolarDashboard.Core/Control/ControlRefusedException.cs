namespace SolarDashboard.Core.Control;

/// <summary>
/// The vendor refused a delivery before acting on it (no permission, throttled, credentials refused): nothing happened at
/// the plants. <see cref="Reason"/> is for the operator, the message for the audit trail.
/// </summary>
public sealed class ControlRefusedException(string message, string reason, Exception? inner = null) : ControlVendorException(message, inner)
{
    public string Reason { get; } = reason;
}
