using Radzen;
using SolarDashboard.Core.Connections;

namespace SolarDashboard.Components.Shared;

/// <summary>Transitional: the Radzen badge style for the pages not yet on MudBlazor. Delete this file with the Radzen package.</summary>
public static partial class ConnectionStateDisplay
{
    public static (string Label, BadgeStyle Style, string Explanation) For(ConnectionState state)
    {
        var (label, color, explanation) = Describe(state);
        var style = color switch
        {
            MudBlazor.Color.Success => BadgeStyle.Success,
            MudBlazor.Color.Info => BadgeStyle.Info,
            MudBlazor.Color.Error => BadgeStyle.Danger,
            MudBlazor.Color.Warning => BadgeStyle.Warning,
            _ => BadgeStyle.Light,
        };
        return (label, style, explanation);
    }
}
