namespace SolarDashboard.Sandbox.Redex;

/// <summary>One version of an inverter's day: which submission brought it, and its values.</summary>
public sealed record RedexStoredVersion(int Version, RedexSubmission Submission, RedexDailyValue Value);
