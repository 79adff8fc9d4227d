using SolarDashboard.Core.Connections;

namespace SolarDashboard.Core.Queries;

/// <summary>One API's budget: allowed per window, spent in the current window and in the last 24 hours.</summary>
public sealed record ApiQuota(string Api, TimeSpan Window, int Allowed, int UsedInWindow, int Used24h, int Failed24h);
