namespace SolarDashboard.Core.Control;

/// <summary>
/// A plant's TOU schedule a form can start from: reported by the plant (<see cref="TaskId"/> null), or the last one sent to it
/// by task <see cref="TaskId"/> at <see cref="SentAt"/>, which ended (so far) in <see cref="Status"/>.
/// </summary>
public sealed record KnownSchedule(BatteryModeParameters Mode, int? TaskId, DateTimeOffset? SentAt, PlantControlStatus? Status)
{
    public bool IsReported => TaskId is null;
}
