namespace SolarDashboard.Core.Measures;

/// <summary>How a plant or device is doing, in the vendor-neutral model. Stored as its number in standard values.</summary>
public enum Health { Unknown = 0, Disconnected = 1, Faulty = 2, Healthy = 3 }
