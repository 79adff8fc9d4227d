namespace SolarDashboard.Core.Users;

/// <summary>A plant made visible to a user: assigned to an operator, or shared with an owner, by an admin.</summary>
public sealed class PlantGrant
{
    public int UserId { get; set; }
    public int PlantId { get; set; }
    public DateTimeOffset GrantedAt { get; set; }
}
