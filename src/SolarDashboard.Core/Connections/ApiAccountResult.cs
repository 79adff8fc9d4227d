namespace SolarDashboard.Core.Connections;

/// <summary>Whether an API account was saved, and what to tell the admin.</summary>
public sealed record ApiAccountResult(bool Saved, string Message, int? ConnectionId = null);
