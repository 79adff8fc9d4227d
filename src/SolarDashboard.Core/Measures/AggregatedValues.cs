namespace SolarDashboard.Core.Measures;

/// <summary>A plant's standard values with, for each, the instant of its oldest contributing reading.</summary>
public sealed record AggregatedValues(StandardValues Values, IReadOnlyDictionary<string, DateTimeOffset> At)
{
    public double? this[StandardMeasure measure] => Values[measure];

    public DateTimeOffset? AtOf(StandardMeasure measure) => At.TryGetValue(measure.Key, out var at) ? at : null;

    /// <summary>The oldest instant among the given measures that have a value.</summary>
    public DateTimeOffset? OldestOf(params StandardMeasure[] measures) =>
        measures.Select(AtOf).Where(t => t is not null).DefaultIfEmpty().Min();
}
