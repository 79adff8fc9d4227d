using SolarDashboard.Core.Redex;

namespace SolarDashboard.Components.Registry;

/// <summary>A month of one inverter's export ledger as weeks from Monday to Sunday (days of other months are null).</summary>
public sealed class RegistryCalendarModel(DateOnly month)
{
    public DateOnly Month { get; private set; } = new(month.Year, month.Month, 1);

    public RegistryCalendarModel Previous() => new(Month.AddMonths(-1));

    public RegistryCalendarModel Next() => new(Month.AddMonths(1));

    public string Title => RegistryTexts.Month(Month.Year, Month.Month);

    public IReadOnlyList<CalendarCell?[]> Weeks(IReadOnlyList<RegistryDayView> days)
    {
        var byDay = days.ToDictionary(d => d.Day);
        var weeks = new List<CalendarCell?[]>();
        var lead = ((int)Month.DayOfWeek + 6) % 7; // Monday first
        var week = new CalendarCell?[7];
        for (var day = Month; day.Month == Month.Month; day = day.AddDays(1))
        {
            var column = (lead + day.Day - 1) % 7;
            week[column] = new CalendarCell(day, byDay.GetValueOrDefault(day));
            if (column == 6 || day.AddDays(1).Month != Month.Month)
            {
                weeks.Add(week);
                week = new CalendarCell?[7];
            }
        }
        return weeks;
    }

    /// <summary>What a person may do with a day: retry (failed or unknown), correct (sent and settled), confirm (unknown).</summary>
    public static (bool Retry, bool Correct, bool Confirm) Actions(RegistryDayView? day) => day?.State switch
    {
        ExportState.Failed => (true, true, false),
        ExportState.Unknown => (true, false, true),
        ExportState.Success => (false, true, false),
        _ => (false, false, false),
    };
}
