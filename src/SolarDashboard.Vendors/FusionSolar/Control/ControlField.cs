namespace SolarDashboard.Vendors.FusionSolar.Control;

/// <summary>The numeric fields of the control tasks (reference 5.2); <see cref="ControlLimits.For"/> gives each one's bounds.</summary>
public enum ControlField
{
    /// <summary>powerDispatch of 5.2.1, as a size in kW (the action gives the sign).</summary>
    ForcedPower,
    /// <summary>dispatchTime of 5.2.1, minutes.</summary>
    Duration,
    /// <summary>targetSOC of 5.2.1, %.</summary>
    TargetSoc,
    /// <summary>allowedAcChargePower of 5.2.3, kW.</summary>
    GridChargePower,
    /// <summary>endOfChargeSoc of 5.2.5, %.</summary>
    EndOfChargeSoc,
    /// <summary>endOfDischargeSoc of 5.2.5, %.</summary>
    EndOfDischargeSoc,
    /// <summary>maximumChargePower of 5.2.5, kW here (W on the wire).</summary>
    MaxChargePower,
    /// <summary>maximumDischargePower of 5.2.5, kW here (W on the wire).</summary>
    MaxDischargePower,
    /// <summary>maxGridFeedInPower of 5.2.7, kW.</summary>
    FeedInPower,
}
