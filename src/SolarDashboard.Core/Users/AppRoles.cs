namespace SolarDashboard.Core.Users;

/// <summary>What a person may do. A user can hold several (an owner who also operates).</summary>
[Flags]
public enum AppRoles
{
    None = 0,

    /// <summary>Sees the plants of the connections they created and plants shared with them; connects their own FusionSolar account.</summary>
    Owner = 1,

    /// <summary>Sees the plants assigned to them and may submit control tasks on them.</summary>
    Operator = 2,

    /// <summary>Manages connections, users, roles and plant assignments; sees everything.</summary>
    Admin = 4,
}
