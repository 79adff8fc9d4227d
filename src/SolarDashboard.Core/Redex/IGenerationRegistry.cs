namespace SolarDashboard.Core.Redex;

/// <summary>
/// A certificate registry that takes daily generation (REDEX). Core's sender plans, checks and records; the vendor layer
/// speaks the wire. Every failure is a <see cref="RegistryException"/>.
/// </summary>
public interface IGenerationRegistry
{
    Task<RegistryTokens> TokenAsync(RegistryCredentials credentials, CancellationToken ct = default);

    Task<RegistryTokens> RefreshAsync(Uri baseUrl, string clientId, string refreshToken, CancellationToken ct = default);

    /// <summary>Sends days of one inverter (at most <see cref="MaxRecordsPerRequest"/>) and returns the registry's process id.</summary>
    Task<string> SendAsync(Uri baseUrl, string accessToken, string remoteInvId, IReadOnlyList<GenerationRecord> days, CancellationToken ct = default);

    Task<RegistryProcess> StatusAsync(Uri baseUrl, string accessToken, string processId, CancellationToken ct = default);

    /// <summary>Records per request the registry takes.</summary>
    int MaxRecordsPerRequest { get; }

    /// <summary>Requests per minute and account the registry takes (token and status calls included).</summary>
    int MaxRequestsPerMinute { get; }

    /// <summary>The registry's documented hosts: the only ones an admin may type unless the configuration allows more.</summary>
    IReadOnlyList<string> DocumentedHosts { get; }
}
