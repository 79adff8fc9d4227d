namespace SolarDashboard.Core.Control;

/// <summary>One plant's part of a task, as the vendor last reported it.</summary>
public enum PlantControlStatus { Delivering, Running, Success, Fail, Timeout, Unknown, Rejected, NotDelivered }
