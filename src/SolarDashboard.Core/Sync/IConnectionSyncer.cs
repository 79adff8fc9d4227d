using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SolarDashboard.Core.Connections;
using SolarDashboard.Core.Data;

namespace SolarDashboard.Core.Sync;

/// <summary>A vendor's sync: runs whatever is due for one connection. Implemented by the vendor layer.</summary>
public interface IConnectionSyncer
{
    Vendor Vendor { get; }

    Task RunDueAsync(VendorConnection connection, CancellationToken ct);
}
