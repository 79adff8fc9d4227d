using SolarDashboard.Core.Connections;

namespace SolarDashboard.Core.Queries;

public sealed record QuotaView(int ConnectionId, string Name, ConnectionState State, string? LastError, DateTimeOffset? LastSuccessAt,
    IReadOnlyList<ApiQuota> Apis, IReadOnlyList<RecentFailure> RecentFailures);
