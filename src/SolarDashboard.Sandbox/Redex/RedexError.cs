namespace SolarDashboard.Sandbox.Redex;

/// <summary>One entry of a 422 answer's <c>Errors</c>: the field (e.g. <c>Data[2].Timestamp</c>) and what is wrong with it.</summary>
public sealed record RedexError(string Key, string Message);
