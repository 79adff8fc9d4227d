namespace SolarDashboard.Core.Connections;

/// <summary>What a page shows of a connection: never its secret.</summary>
public sealed record ConnectionSummary(int Id, string Name, Vendor Vendor, AuthMode AuthMode, string BaseUrl, ConnectionState State,
    string? LastError, DateTimeOffset? LastSuccessAt, bool IsDemo, int? OwnerUserId, string? GrantedScopes, int PlantCount)
{
    public bool HasScope(string scope) => GrantedScopes?.Split(' ').Contains(scope) == true;
}
