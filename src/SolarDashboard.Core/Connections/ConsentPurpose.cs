namespace SolarDashboard.Core.Connections;

public enum ConsentPurpose { Connect, Reauthorize, AddControl }
