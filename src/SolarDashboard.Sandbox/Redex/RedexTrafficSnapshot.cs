namespace SolarDashboard.Sandbox.Redex;

/// <summary>An account's requests so far: admitted, refused with 429, the busiest minute against the limit, answers by status.</summary>
public sealed record RedexTrafficSnapshot(
    string ClientId,
    int Admitted,
    int Refused,
    int PeakPerMinute,
    int LimitPerMinute,
    int LostAnswers,
    IReadOnlyDictionary<string, int> ByStatus);
