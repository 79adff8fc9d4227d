namespace SolarDashboard.Core.TimeSeries;

public readonly record struct SeriesWriteResult(int RowsAdded, int RowsChanged, int SlotsChanged);
