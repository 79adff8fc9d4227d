using SolarDashboard.Core.Connections;

namespace SolarDashboard.Core.Queries;

/// <summary>One API's budget: allowed per window, spent in the current window and in the last 24 hours.</summary>
public sealed record ApiQuota(string Api, TimeSpan Window, int Allowed, int UsedInWindow, int Used24h, int Failed24h);

public sealed record RecentFailure(string Api, DateTimeOffset At, string Message);

public sealed record QuotaView(int ConnectionId, string Name, ConnectionState State, string? LastError, DateTimeOffset? LastSuccessAt,
    IReadOnlyList<ApiQuota> Apis, IReadOnlyList<RecentFailure> RecentFailures);

/// <summary>Budget use of a connection, by the vendor's own rules (implemented by the vendor layer).</summary>
public interface IQuotaReader
{
    Task<QuotaView?> GetAsync(int connectionId, CancellationToken ct = default);
}
