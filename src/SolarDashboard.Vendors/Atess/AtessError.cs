namespace SolarDashboard.Vendors.Atess;

/// <summary>
/// A typed ATESS failure. <see cref="Message"/> is plain language and never holds the API key. <see cref="RetryAfter"/>
/// is how long the acquisition limit still refuses the call (from the vendor's text, else the whole period).
/// </summary>
public sealed record AtessError(AtessErrorKind Kind, string Message, int? Code = null, int? HttpStatus = null, string? Api = null, TimeSpan? RetryAfter = null)
{
    /// <summary>Failures worth trying again later (never at once): limits, throttling and outages.</summary>
    public bool IsTransient => Kind is AtessErrorKind.AcquisitionLimited or AtessErrorKind.GatewayThrottled or AtessErrorKind.Unavailable;
}
