namespace SolarDashboard.Core.Connections;

public enum Vendor { FusionSolar, Atess, Redex }
