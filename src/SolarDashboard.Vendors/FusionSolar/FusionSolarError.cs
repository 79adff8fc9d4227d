namespace SolarDashboard.Vendors.FusionSolar;

/// <summary>A typed FusionSolar failure. <see cref="Message"/> is plain language and never contains a secret.</summary>
public sealed record FusionSolarError(FusionSolarErrorKind Kind, string Message, int? FailCode = null, int? HttpStatus = null, string? Api = null)
{
    /// <summary>Failures worth retrying later (not immediately): throttling and vendor or network trouble.</summary>
    public bool IsTransient => Kind is FusionSolarErrorKind.RateLimited or FusionSolarErrorKind.GatewayThrottled
        or FusionSolarErrorKind.VendorError or FusionSolarErrorKind.Unavailable;

    public static FusionSolarError FromFailCode(int failCode, string? api = null)
    {
        var (kind, message) = FailCodes.Describe(failCode);
        return new FusionSolarError(kind, message, failCode, 200, api);
    }
}
