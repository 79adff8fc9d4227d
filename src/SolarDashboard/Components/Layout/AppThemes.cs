namespace SolarDashboard.Components.Layout;

/// <summary>The two Radzen themes the light/dark switch moves between, and the cookie that remembers the choice.</summary>
public static class AppThemes
{
    public const string Light = "material";
    public const string Dark = "material-dark";
    public const string Cookie = "SolarDashboardTheme";

    /// <summary>The theme named by the cookie, or light for anything else (the cookie is user input).</summary>
    public static string FromCookie(string? value) => value == Dark ? Dark : Light;
}
