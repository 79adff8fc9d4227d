using SolarDashboard.Components;
using SolarDashboard.Core;
using SolarDashboard.Hosting;
using SolarDashboard.Sandbox;
using SolarDashboard.Vendors;

var builder = WebApplication.CreateBuilder(args);
builder.AddRepositoryDevelopmentSettings();

builder.Services.AddSolarDashboardCore(builder.Configuration, builder.Environment.ContentRootPath);
builder.Services.AddSolarDashboardVendors();
builder.Services.AddSolarDashboardWeb();
if (builder.IsDemoMode()) builder.Services.AddSolarDashboardDemo(builder.Configuration);

var app = builder.Build();

app.UseSolarDashboardPipeline();
app.MapHealthChecks("/health").AllowAnonymous();
app.MapSolarDashboardExports();
app.MapSolarDashboardRegistry();
app.MapConsentEndpoints();
if (app.IsDemoMode()) app.MapSandbox();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

app.Run();

/// <summary>Entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
