namespace SolarDashboard.Core;

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
