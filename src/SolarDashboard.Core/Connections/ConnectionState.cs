namespace SolarDashboard.Core.Connections;

/// <summary>What a person sees of a connection's health.</summary>
public enum ConnectionState
{
    /// <summary>Saved, not yet tried.</summary>
    Pending,
    Connected,
    /// <summary>The vendor refused the password; no login is tried again until the credentials change.</summary>
    CredentialsRejected,
    /// <summary>The OAuth refresh token was refused; the owner must consent again.</summary>
    NeedsReauthorization,
    /// <summary>The vendor could not be reached or answered with an error; the last good data stays.</summary>
    Unreachable,
    /// <summary>The owner disconnected it: the tokens are deleted, the cached history stays until they delete it.</summary>
    Disconnected,
}
