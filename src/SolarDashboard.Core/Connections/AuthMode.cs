namespace SolarDashboard.Core.Connections;

public enum AuthMode { ApiAccount, OAuthConnect }
