namespace SolarDashboard.Sandbox.Redex;

/// <summary>
/// One accepted generation-data request. Its outcome is decided on receipt but shown only as time passes on the
/// simulated clock: New for a minute, then Processing until <see cref="CompletesAt"/>, then Success or Failed.
/// </summary>
public sealed record RedexSubmission(
    string ProcessId,
    string ClientId,
    string RemoteInvId,
    string Path,
    string AccumulatedField,
    DateTimeOffset ReceivedAt,
    DateTimeOffset CompletesAt,
    string? FailureReason,
    IReadOnlyList<RedexDailyValue> Values)
{
    public static readonly TimeSpan NewFor = TimeSpan.FromMinutes(1);

    public RedexProcessStatus StatusAt(DateTimeOffset now) =>
        now < ReceivedAt + NewFor ? RedexProcessStatus.New
        : now < CompletesAt ? RedexProcessStatus.Processing
        : FailureReason is null ? RedexProcessStatus.Success : RedexProcessStatus.Failed;

    /// <summary>Failed submissions (even before that shows) never count as accepted data.</summary>
    public bool WillFail => FailureReason is not null;
}
