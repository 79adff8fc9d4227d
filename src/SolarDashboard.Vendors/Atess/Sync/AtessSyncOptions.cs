using System.ComponentModel.DataAnnotations;

namespace SolarDashboard.Vendors.Atess.Sync;

/// <summary>How the ATESS sync backfills. Bound from <c>Atess:Sync</c>.</summary>
public sealed class AtessSyncOptions
{
    public const string Section = "Atess:Sync";

    /// <summary>How far back history is backfilled at most (never before a datalog was added).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "3650.00:00:00")]
    public TimeSpan HistoryHorizon { get; set; } = TimeSpan.FromDays(365);
}
