using SolarDashboard.Core.Connections;

namespace SolarDashboard.Core.Queries;

public sealed record RecentFailure(string Api, DateTimeOffset At, string Message);
