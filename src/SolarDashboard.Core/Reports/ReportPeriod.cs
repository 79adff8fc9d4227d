namespace SolarDashboard.Core.Reports;

public enum ReportPeriod { Hour, Day, Month, Year }
