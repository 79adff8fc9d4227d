namespace SolarDashboard.Core;

/// <summary>
/// The address this app can reach itself on (its first listening address). Demo mode configures vendor and sign-in
/// endpoints relative to it — the in-process sandbox — so any <c>--urls</c> port works.
/// </summary>
public interface IAppAddress
{
    /// <summary>Null until the server listens (and in hosts without a server, such as the unit tests).</summary>
    Uri? Current { get; }
}
