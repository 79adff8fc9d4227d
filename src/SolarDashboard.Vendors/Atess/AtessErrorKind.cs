namespace SolarDashboard.Vendors.Atess;

/// <summary>What went wrong with an ATESS call, in the terms a caller acts on.</summary>
public enum AtessErrorKind
{
    /// <summary>Envelope code 400: the plant, datalog or device is unknown (or the datalog belongs to no plant yet).</summary>
    NotFound,
    /// <summary>Envelope code 403: no access to it, or the Authorization (account id and API key) was refused.</summary>
    NoAccess,
    /// <summary>"The frequency of acquisition is once every 5 minutes": this endpoint and target were read too recently.</summary>
    AcquisitionLimited,
    /// <summary>Envelope code 500 (or another code): the request was refused and nothing was applied.</summary>
    Rejected,
    /// <summary>HTTP 401: the gateway refused the credentials.</summary>
    Unauthorized,
    /// <summary>HTTP 403 or 429 from a gateway in front of the API: wait before calling again.</summary>
    GatewayThrottled,
    /// <summary>No usable answer: network failure, timeout, an HTTP error, an HTML page or broken JSON.</summary>
    Unavailable,
}
