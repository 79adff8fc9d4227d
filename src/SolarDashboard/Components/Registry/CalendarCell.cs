using SolarDashboard.Core.Redex;

namespace SolarDashboard.Components.Registry;

/// <summary>One day of the export calendar: its state (null: nothing in the ledger), what it says and its style.</summary>
public sealed record CalendarCell(DateOnly Day, RegistryDayView? Entry)
{
    public string Label => Entry is null ? "–" : RegistryTexts.State(Entry.State);

    public string CssClass => "sd-reg-day sd-reg-" + (Entry?.State.ToString().ToLowerInvariant() ?? "none");

    /// <summary>Hover text: the value sent and the reason held or the registry's message.</summary>
    public string Title => Entry is null ? $"{Day:yyyy-MM-dd}: not in the ledger"
        : $"{Day:yyyy-MM-dd}: {Label}{(Entry.PeriodKwh is { } kwh ? $", {kwh} kWh" : "")}{(Entry.Note is { } note ? $". {note}" : "")}";
}
