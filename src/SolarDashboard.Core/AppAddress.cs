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

public static class AppAddressExtensions
{
    /// <summary>An absolute URL as configured, or a path resolved against the app's own address.</summary>
    public static Uri Resolve(this IAppAddress address, string urlOrPath)
    {
        if (Uri.TryCreate(urlOrPath, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https") return absolute;
        var current = address.Current ?? throw new InvalidOperationException($"'{urlOrPath}' is relative to this app, whose address is not known yet.");
        return new Uri(current, urlOrPath);
    }
}

/// <summary>Used where no server runs: relative endpoints cannot be resolved.</summary>
internal sealed class NoAppAddress : IAppAddress
{
    public Uri? Current => null;
}
