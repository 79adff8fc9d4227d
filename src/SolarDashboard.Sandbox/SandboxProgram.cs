namespace SolarDashboard.Sandbox;

/// <summary>
/// Runs the sandbox on its own: <c>dotnet run --project src/SolarDashboard.Sandbox --urls http://127.0.0.1:5090</c>.
/// Serves the same paths under the same prefixes as when the web app hosts it in-process.
/// </summary>
public static class SandboxProgram
{
    public static void Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddSandbox(builder.Configuration.GetSection(SandboxOptions.Section));
        var app = builder.Build();
        app.MapGet("/", () => Results.Text(
            "SolarDashboard sandbox: FusionSolar NBI under /sandbox/fusionsolar, OAuth under /sandbox/fusionsolar-oauth, ATESS OpenAPI under /sandbox/atess/api/v1, admin under /sandbox/admin."));
        app.MapSandbox();
        app.Run();
    }
}
