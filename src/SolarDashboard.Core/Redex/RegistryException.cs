namespace SolarDashboard.Core.Redex;

/// <summary>A registry call that failed, with its typed kind, the registry's message and, for 422, every broken rule.</summary>
public sealed class RegistryException(RegistryErrorKind kind, string message, int? status = null,
    IReadOnlyList<string>? errors = null, TimeSpan? retryAfter = null, Exception? inner = null, bool inEnvelope = false) : Exception(message, inner)
{
    public RegistryErrorKind Kind { get; } = kind;

    /// <summary>The answer came in REDEX's own JSON envelope: REDEX itself said it, not whatever else answered there.</summary>
    public bool InEnvelope { get; } = inEnvelope;
    public int? Status { get; } = status;
    public IReadOnlyList<string> Errors { get; } = errors ?? [];
    public TimeSpan? RetryAfter { get; } = retryAfter;

    /// <summary>What a person reads on the page: the message and each broken rule.</summary>
    public string Describe() => Errors.Count == 0 ? Message : Message + ": " + string.Join("; ", Errors);
}
