namespace SolarDashboard.Core.Connections;

/// <summary>Why a consent did not complete; each has its own plain-language page with a way to try again.</summary>
public enum ConsentFailure
{
    None,
    /// <summary>The owner pressed "Deny".</summary>
    Denied,
    /// <summary>The vendor does not accept the requested permission sets.</summary>
    InvalidScope,
    /// <summary>The code expired or was already used.</summary>
    CodeRejected,
    /// <summary>The vendor does not accept this app's client_id or client_secret.</summary>
    InvalidClient,
    /// <summary>The vendor refused the token request's grant type.</summary>
    UnsupportedGrantType,
    /// <summary>The state is unknown, already used, or belongs to another user or sign-in session.</summary>
    BadState,
    /// <summary>The state is older than 10 minutes.</summary>
    ExpiredState,
    /// <summary>The vendor could not be reached or answered with an error.</summary>
    Unreachable,
    /// <summary>Configuration: no OAuth client is set up for this installation.</summary>
    NotConfigured,
}
