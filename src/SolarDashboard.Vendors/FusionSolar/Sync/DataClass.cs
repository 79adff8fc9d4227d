namespace SolarDashboard.Vendors.FusionSolar.Sync;

/// <summary>The kinds of data a FusionSolar connection keeps fresh, each fed by one API.</summary>
public enum DataClass
{
    PlantList, DeviceList, PlantRealTime, DeviceRealTime, Alarms,
    PlantHourReport, PlantDayReport, PlantMonthReport, PlantYearReport,
    DeviceDayReport, DeviceMonthReport, DeviceYearReport, History,

    /// <summary>Older history, newest gaps first, one call (10 devices × 3 days) per run, with the History budget left over.</summary>
    HistoryBackfill,
}
