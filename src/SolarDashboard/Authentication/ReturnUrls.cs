namespace SolarDashboard.Authentication;

/// <summary>Where to go after signing in: only a path on this site, never an absolute or protocol-relative URL.</summary>
public static class ReturnUrls
{
    /// <summary>
    /// A path starting with one slash, with no backslash and no control character anywhere: browsers drop tabs and line
    /// breaks, so "/\t/host" would become "//host", and the framework's redirect refuses other control characters with
    /// an exception.
    /// </summary>
    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || url[1] != '/')
        && !url.Contains('\\') && !url.Any(char.IsControl);

    public static string OrHome(string? url) => IsLocal(url) ? url! : "/";
}
