namespace SolarDashboard.Vendors.FusionSolar.Wire;

public enum NbiReportPeriod { Hour, Day, Month, Year }
