namespace SolarDashboard.Core.Connections;

/// <summary>What became of an account an admin added: saved (with its connection) or not, and why, in plain words.</summary>
public sealed record VendorAccountResult(bool Saved, string Message, int? ConnectionId = null);
