namespace SolarDashboard.Core.Control;

/// <summary>A plant's latest own data, read by its vendor: the only evidence of what a task did there.</summary>
public interface IControlEvidence
{
    /// <summary>When the values that can show this task were measured; null when there are none.</summary>
    DateTimeOffset? MeasuredAt(ControlParameters parameters);

    /// <summary>Whether a task whose delivery got no answer shows in the data: true, false, or null when it cannot be seen.</summary>
    (bool? Arrived, string Note) ShowsArrival(ControlParameters parameters);

    /// <summary>Whether a task the vendor reported as a success shows in the data, with the energies the vendor counted.</summary>
    (bool? Seen, string Note) ShowsEffect(ControlParameters parameters, double? chargedKwh, double? dischargedKwh);
}
