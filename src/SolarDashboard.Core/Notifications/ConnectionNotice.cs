using SolarDashboard.Core.Connections;

namespace SolarDashboard.Core.Notifications;

/// <summary>What a message says about a connection that needs a person.</summary>
public sealed record ConnectionNotice(int ConnectionId, string Name, Vendor Vendor, ConnectionState State, string? LastError);
