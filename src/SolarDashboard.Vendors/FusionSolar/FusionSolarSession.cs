using SolarDashboard.Vendors.FusionSolar.Auth;

namespace SolarDashboard.Vendors.FusionSolar;

/// <summary>
/// One connection's authenticated session at FusionSolar: its credential (an API account's XSRF token or an owner's
/// OAuth tokens) and the client that uses it. Sync, control and consent share it through <see cref="FusionSolarSessions"/>.
/// </summary>
public sealed class FusionSolarSession(INbiAuthenticator auth, FusionSolarClient client) : IDisposable
{
    public INbiAuthenticator Auth => auth;

    public FusionSolarClient Client => client;

    public void Dispose() => (auth as IDisposable)?.Dispose();
}
