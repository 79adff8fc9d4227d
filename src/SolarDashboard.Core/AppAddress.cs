namespace SolarDashboard.Core;

/// <summary>Used where no server runs: relative endpoints cannot be resolved.</summary>
internal sealed class NoAppAddress : IAppAddress
{
    public Uri? Current => null;
}
