namespace SolarDashboard.Sandbox;

public sealed class IdpUser
{
    public string UserName { get; set; } = "";
    public string Password { get; set; } = "demo";
    public string Name { get; set; } = "";
    public List<string> Roles { get; set; } = [];
}
