using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SolarDashboard.Core.Connections;
using SolarDashboard.Core.Data;

namespace SolarDashboard.Core.Sync;

public sealed class SyncOptions
{
    public const string Section = "SolarDashboard:Sync";

    /// <summary>How often the scheduler looks for due work. Jobs keep their own pace; this only bounds the delay.</summary>
    public TimeSpan Tick { get; set; } = TimeSpan.FromSeconds(10);

    public bool Enabled { get; set; } = true;
}
