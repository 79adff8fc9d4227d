namespace SolarDashboard.Vendors.FusionSolar;

/// <summary>What went wrong, in the terms a caller acts on.</summary>
public enum FusionSolarErrorKind
{
    /// <summary>305: the session or access token is no longer valid.</summary>
    SessionExpired,
    /// <summary>401: the account or consent lacks this API.</summary>
    NoPermission,
    /// <summary>407 (or the daily maximum 20618): the account's budget for this API is spent.</summary>
    RateLimited,
    /// <summary>HTTP 403/429 from a gateway in front of the API: wait a minute, then longer.</summary>
    GatewayThrottled,
    /// <summary>The vendor refused the credentials (wrong password, locked or expired account).</summary>
    CredentialsRejected,
    /// <summary>The OAuth refresh token was refused: the owner must consent again.</summary>
    ReauthorizationRequired,
    /// <summary>Plants or devices not (or no longer) authorized for this account.</summary>
    ResourceNotAuthorized,
    /// <summary>The request broke a documented rule (parameters, ranges, counts).</summary>
    InvalidRequest,
    /// <summary>The vendor had an internal problem.</summary>
    VendorError,
    /// <summary>Network failure, timeout, an HTML page or broken JSON instead of an answer.</summary>
    Unavailable,
    /// <summary>Control tasks: some plants accepted the task, some did not (failCode 1).</summary>
    PartiallySucceeded,
    /// <summary>Control tasks: no plant accepted the task (failCode 2).</summary>
    TaskFailed,
}
