using MudBlazor;

namespace SolarDashboard.Components.Layout;

/// <summary>
/// The app's light and dark theme and the cookie that remembers the choice. Every text colour reaches WCAG AA (4.5:1)
/// on the background and surface of its theme, and so does the contrast text on every filled colour; chart colours
/// reach 3:1 (graphics). The font is the system's own: nothing is fetched from a font service.
/// </summary>
public static class AppThemes
{
    public const string Cookie = "SolarDashboardTheme";
    public const string Light = "light";
    public const string Dark = "dark";

    /// <summary>Whether the cookie asks for dark; anything else is light (the cookie is user input).</summary>
    public static bool IsDark(string? cookie) => cookie is Dark or "material-dark";

    public static string CookieValue(bool dark) => dark ? Dark : Light;

    private static readonly string[] SystemFonts =
        ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica Neue", "Noto Sans", "Liberation Sans", "Arial", "sans-serif"];

    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1565C0", PrimaryContrastText = "#FFFFFF",
            Secondary = "#00695C", SecondaryContrastText = "#FFFFFF",
            Tertiary = "#7B3FB5", TertiaryContrastText = "#FFFFFF",
            Info = "#0B5CAD", InfoContrastText = "#FFFFFF",
            Success = "#2E7D32", SuccessContrastText = "#FFFFFF",
            Warning = "#A84C08", WarningContrastText = "#FFFFFF",
            Error = "#C62828", ErrorContrastText = "#FFFFFF",
            Dark = "#37414D", DarkContrastText = "#FFFFFF",
            Background = "#F4F6F8", BackgroundGray = "#E9EDF1", Surface = "#FFFFFF",
            TextPrimary = "#1F2933", TextSecondary = "#4A5561", TextDisabled = "#6B7580",
            ActionDefault = "#4A5561",
            AppbarBackground = "#17324D", AppbarText = "#FFFFFF",
            DrawerBackground = "#FFFFFF", DrawerText = "#1F2933", DrawerIcon = "#4A5561",
            LinesDefault = "#D5DBE1", TableLines = "#E3E7EB", Divider = "#D5DBE1",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#8AB4F8", PrimaryContrastText = "#101418",
            Secondary = "#80CBC4", SecondaryContrastText = "#101418",
            Tertiary = "#C6A0F6", TertiaryContrastText = "#101418",
            Info = "#7CC4F4", InfoContrastText = "#101418",
            Success = "#81C995", SuccessContrastText = "#101418",
            Warning = "#F6B35E", WarningContrastText = "#101418",
            Error = "#F28B82", ErrorContrastText = "#101418",
            Dark = "#2A2F36", DarkContrastText = "#E8EAED",
            Background = "#121417", BackgroundGray = "#181B1F", Surface = "#1C1F24",
            TextPrimary = "#E8EAED", TextSecondary = "#B0B7C0", TextDisabled = "#8A929C",
            ActionDefault = "#B0B7C0",
            AppbarBackground = "#1C1F24", AppbarText = "#E8EAED",
            DrawerBackground = "#1C1F24", DrawerText = "#E8EAED", DrawerIcon = "#B0B7C0",
            LinesDefault = "#3A4049", TableLines = "#2E333A", Divider = "#3A4049",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = SystemFonts },
            H1 = new H1Typography { FontFamily = SystemFonts },
            H2 = new H2Typography { FontFamily = SystemFonts },
            H3 = new H3Typography { FontFamily = SystemFonts },
            H4 = new H4Typography { FontFamily = SystemFonts, FontSize = "1.75rem", FontWeight = "600", LineHeight = "1.3" },
            H5 = new H5Typography { FontFamily = SystemFonts, FontSize = "1.375rem", FontWeight = "600" },
            H6 = new H6Typography { FontFamily = SystemFonts, FontSize = "1.125rem", FontWeight = "600" },
            Subtitle1 = new Subtitle1Typography { FontFamily = SystemFonts },
            Subtitle2 = new Subtitle2Typography { FontFamily = SystemFonts },
            Body1 = new Body1Typography { FontFamily = SystemFonts },
            Body2 = new Body2Typography { FontFamily = SystemFonts },
            Button = new ButtonTypography { FontFamily = SystemFonts, TextTransform = "none" },
            Caption = new CaptionTypography { FontFamily = SystemFonts },
            Overline = new OverlineTypography { FontFamily = SystemFonts },
        },
        LayoutProperties = new LayoutProperties { DefaultBorderRadius = "8px", DrawerWidthLeft = "232px" },
    };

    // Chart series by meaning, so PV is the same colour on every chart and in both themes.
    private static readonly Dictionary<string, (string Light, string Dark)> SeriesByName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["PV"] = ("#C27803", "#F6C453"), ["PV yield"] = ("#C27803", "#F6C453"),
        ["Battery"] = ("#2E7D32", "#81C995"), ["Charged"] = ("#2E7D32", "#81C995"), ["Discharged"] = ("#00838F", "#5ED3DE"),
        ["Battery charging"] = ("#2E7D32", "#81C995"), ["Battery discharging"] = ("#00838F", "#5ED3DE"),
        ["Grid"] = ("#1565C0", "#8AB4F8"), ["To grid"] = ("#1565C0", "#8AB4F8"), ["From grid"] = ("#C2185B", "#F48FB1"),
        ["Consumption"] = ("#7B3FB5", "#C6A0F6"), ["Load"] = ("#7B3FB5", "#C6A0F6"),
    };

    private static readonly (string Light, string Dark)[] SeriesInOrder =
        [("#1565C0", "#8AB4F8"), ("#C27803", "#F6C453"), ("#2E7D32", "#81C995"), ("#7B3FB5", "#C6A0F6"), ("#00838F", "#5ED3DE"), ("#C2185B", "#F48FB1")];

    /// <summary>The colour of a chart series: by its meaning where it has one, else by its place.</summary>
    public static string SeriesColor(string name, int index, bool dark)
    {
        var (light, darkColor) = SeriesByName.TryGetValue(name, out var known) ? known : SeriesInOrder[index % SeriesInOrder.Length];
        return dark ? darkColor : light;
    }

    /// <summary>Axis text and grid lines of charts.</summary>
    public static (string Text, string Grid) ChartChrome(bool dark) => dark ? ("#B0B7C0", "#3A4049") : ("#4A5561", "#D5DBE1");
}
