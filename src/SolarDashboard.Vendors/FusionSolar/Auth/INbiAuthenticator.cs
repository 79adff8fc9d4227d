namespace SolarDashboard.Vendors.FusionSolar.Auth;

/// <summary>How a connection proves itself to the NBI: the header it sends and what it does about a 305.</summary>
public interface INbiAuthenticator
{
    /// <summary>The credential to send now, signing in or refreshing first when needed.</summary>
    Task<NbiCredential> GetCredentialAsync(CancellationToken ct);

    /// <summary>
    /// Called on 305 with the credential that was refused. Returns true when a fresh credential is worth one retry.
    /// Safe under concurrency: if another caller already replaced the credential, nothing is done twice.
    /// </summary>
    Task<bool> InvalidateAsync(NbiCredential refused, CancellationToken ct);
}
