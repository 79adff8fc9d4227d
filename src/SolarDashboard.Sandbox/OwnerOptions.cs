namespace SolarDashboard.Sandbox;

public sealed class OwnerOptions
{
    public string UserName { get; set; } = "";
    public string Password { get; set; } = "demo";
    public int Plants { get; set; } = 1;
}
