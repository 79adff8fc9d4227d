namespace SolarDashboard.Authentication;

/// <summary>Where to go after signing in: only a path on this site, never an absolute or protocol-relative URL.</summary>
public static class ReturnUrls
{
    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && !url.Contains('\r') && !url.Contains('\n') && !url.Contains("\\");

    public static string OrHome(string? url) => IsLocal(url) ? url! : "/";
}
