namespace SolarDashboard.Core.Connections;

/// <summary>An account at a vendor cloud that the dashboard reads from. Secrets are stored encrypted.</summary>
public sealed class VendorConnection
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public Vendor Vendor { get; set; }
    public AuthMode AuthMode { get; set; }
    public required string BaseUrl { get; set; }
    public string? UserName { get; set; }

    /// <summary>Password, refresh token or API key, encrypted with ASP.NET Core Data Protection. Never in clear.</summary>
    public string? ProtectedSecret { get; set; }

    public ConnectionState State { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? LastSuccessAt { get; set; }

    /// <summary>Created by demo mode against the built-in sandbox.</summary>
    public bool IsDemo { get; set; }

    /// <summary>The user who connected their own account (OAuth consent); null for installer connections an admin added.</summary>
    public int? OwnerUserId { get; set; }

    /// <summary>The OAuth permission sets the owner granted, space-separated (not secret).</summary>
    public string? GrantedScopes { get; set; }
}
