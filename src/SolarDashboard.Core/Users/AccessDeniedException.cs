namespace SolarDashboard.Core.Users;

/// <summary>Raised by the service layer when a user asks for something their roles do not allow.</summary>
public sealed class AccessDeniedException(string message) : Exception(message);
