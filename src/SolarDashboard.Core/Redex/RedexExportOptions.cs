namespace SolarDashboard.Core.Redex;

/// <summary>The REDEX sender's settings.</summary>
public sealed class RedexExportOptions
{
    public const string Section = "Redex:Export";

    public bool Enabled { get; set; } = true;

    /// <summary>How often the sender plans, sends and asks for statuses.</summary>
    public TimeSpan Tick { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long after plant-local midnight a day counts as closed: the vendors' last readings of it arrive late.</summary>
    public TimeSpan SettleDelay { get; set; } = TimeSpan.FromHours(2);

    /// <summary>Requests per minute kept below the registry's limit (a page's "send now" and a restart's empty memory).</summary>
    public int RequestHeadroom { get; set; } = 5;
}
