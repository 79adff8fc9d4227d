namespace SolarDashboard.Sandbox.Redex;

/// <summary>The simulated REDEX registry: business accounts, their registered inverters and the opt-in quirks.</summary>
public sealed class RedexOptions
{
    /// <summary>Business accounts with their registered inverters. The demo accounts when empty.</summary>
    public List<RedexAccountOptions> Accounts { get; set; } = [];

    /// <summary>
    /// How many inverters of the simulated FusionSolar installer fleet (in fleet order) are registered on the first
    /// account, with RemoteInvIds STR10000000340001, STR10000000340002, … More than the fleet has means all of them.
    /// </summary>
    public int FleetInverters { get; set; } = 6;

    /// <summary>
    /// How many inverters (HPS, PCS) of the simulated ATESS demo account (in plant order) are registered on the first
    /// account too, with RemoteInvIds STR10000000350001, STR10000000350002, …
    /// </summary>
    public int AtessInverters { get; set; } = 3;

    public RedexQuirkOptions Quirks { get; set; } = new();

    internal IReadOnlyList<RedexAccountOptions> EffectiveAccounts => Accounts.Count > 0 ? Accounts :
    [
        new()
        {
            Name = "Demo installer (REDEX business account)",
            ApiKey = "demo-redex-key", ClientId = "demo-redex-client", ClientSecret = "demo-redex-secret",
            Inverters =
            [
                // The reference's example device (not in the simulated fleet), so its literal request (May 2023) can be
                // replayed; registered early enough for a batch of 3,000 days.
                new() { RemoteInvId = "STR10000000338444", SerialNumber = "REFERENCE-EXAMPLE", CapacityKw = 5, StartDate = new DateOnly(2016, 1, 1), Vendor = "Reference example" },
            ],
        },
        new()
        {
            Name = "Second installer (no inverters)",
            ApiKey = "demo-redex-other-key", ClientId = "demo-redex-other-client", ClientSecret = "demo-redex-other-secret",
        },
    ];
}
