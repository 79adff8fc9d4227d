namespace SolarDashboard.Core.Connections;

/// <summary>What an installer types to add an API account: where, who, and the password ("systemCode").</summary>
public sealed class ApiAccountForm
{
    public string Name { get; set; } = "";
    public string BaseUrl { get; set; } = "";
    public string UserName { get; set; } = "";
    public string SystemCode { get; set; } = "";
}
