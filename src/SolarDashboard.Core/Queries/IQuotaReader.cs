using SolarDashboard.Core.Connections;

namespace SolarDashboard.Core.Queries;

/// <summary>Budget use of a connection, by the vendor's own rules (implemented by the vendor layer).</summary>
public interface IQuotaReader
{
    Task<QuotaView?> GetAsync(int connectionId, CancellationToken ct = default);
}
