namespace SolarDashboard.Sandbox.Redex;

/// <summary>One daily record of a submission: the texts exactly as received and their values. <paramref name="Index"/> is its place in the request's <c>Data</c>.</summary>
public sealed record RedexDailyValue(int Index, DateOnly Date, string PeriodText, decimal Period, string AccumulatedText, decimal Accumulated);
