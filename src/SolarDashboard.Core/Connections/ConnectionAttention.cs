namespace SolarDashboard.Core.Connections;

/// <summary>Which connection states stop the fetching until a person acts: consent again, new credentials, reconnect.</summary>
public static class ConnectionAttention
{
    public static bool NeedsPerson(ConnectionState state) =>
        state is ConnectionState.NeedsReauthorization or ConnectionState.CredentialsRejected or ConnectionState.Disconnected;
}
