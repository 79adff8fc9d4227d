namespace SolarDashboard.Components.Onboarding;

/// <summary>
/// The "add a datalog" field of one site: the serial as typed, read the way labels are copied (spaces dropped, upper
/// case), and its shape checked by the vendor's rule before anything is sent.
/// </summary>
public sealed class LoggerForm(Func<string, bool> isSerial, string hint)
{
    public string Serial { get; set; } = "";

    /// <summary>The serial as it will be sent.</summary>
    public string Normalized => string.Concat(Serial.Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();

    /// <summary>Null while empty or well shaped; else what a serial looks like.</summary>
    public string? Problem => Normalized.Length == 0 || isSerial(Normalized) ? null : $"A datalog serial is {hint}.";

    public bool CanAdd => Normalized.Length > 0 && Problem is null;
}
