namespace SolarDashboard.Core.Redex;

/// <summary>Every way a registry call can fail, typed once in the vendor client.</summary>
public enum RegistryErrorKind
{
    /// <summary>400: the request was malformed; nothing stored.</summary>
    BadRequest,

    /// <summary>401: a missing, unknown or expired token (or wrong credentials on the token call).</summary>
    Unauthorized,

    /// <summary>403: the device or process belongs to another account.</summary>
    Forbidden,

    /// <summary>404: an unknown process id.</summary>
    NotFound,

    /// <summary>422: a rule was broken (<see cref="RegistryException.Errors"/>); nothing stored.</summary>
    Unprocessable,

    /// <summary>429: over the request limit; <see cref="RegistryException.RetryAfter"/> says when to come back.</summary>
    TooManyRequests,

    /// <summary>An HTML page or 5xx from a gateway in front of the registry.</summary>
    Gateway,

    /// <summary>No answer: timed out, connection refused or reset. The request may or may not have been received.</summary>
    NoAnswer,

    /// <summary>An answer that is not the documented envelope.</summary>
    Malformed,
}
