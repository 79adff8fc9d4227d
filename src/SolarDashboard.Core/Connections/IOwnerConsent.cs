using SolarDashboard.Core.Users;

namespace SolarDashboard.Core.Connections;

/// <summary>
/// An owner hands the dashboard access to their vendor account (OAuth consent): the redirect to the vendor with a
/// single-use state bound to the user's sign-in session, and the way back. Implemented by the vendor layer.
/// </summary>
public interface IOwnerConsent
{
    /// <summary>Whether this installation has an OAuth client with the vendor.</summary>
    bool IsConfigured { get; }

    /// <summary>The permission (scope) to read plants and data, as the connection's granted scopes name it.</summary>
    string ReadScope { get; }

    /// <summary>The permission (scope) to send control tasks.</summary>
    string ControlScope { get; }

    /// <summary>The vendor's authorize address to send the owner to; <paramref name="origin"/> is the address the browser uses for this app.</summary>
    Task<Uri> BeginAsync(UserAccess user, string sessionId, ConsentPurpose purpose, int? connectionId, Uri origin, CancellationToken ct = default);

    /// <summary>Handles the redirect back; the state is checked (and spent) before anything else.</summary>
    Task<ConsentResult> CompleteAsync(UserAccess user, string? sessionId, string? state, string? code, string? error, CancellationToken ct = default);
}
