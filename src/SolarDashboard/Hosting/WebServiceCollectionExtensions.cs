using Microsoft.Extensions.Configuration.Json;
using MudBlazor.Services;
using SolarDashboard.Authentication;
using SolarDashboard.Core;
using SolarDashboard.Demo;
using SolarDashboard.Sandbox;

namespace SolarDashboard.Hosting;

public static class WebServiceCollectionExtensions
{
    /// <summary>In Development, loads appsettings.Development.json from the repository root (beside the .sln).</summary>
    public static WebApplicationBuilder AddRepositoryDevelopmentSettings(this WebApplicationBuilder builder)
    {
        if (!builder.Environment.IsDevelopment()) return builder;
        for (var dir = new DirectoryInfo(builder.Environment.ContentRootPath); dir is not null; dir = dir.Parent)
        {
            var file = Path.Combine(dir.FullName, "appsettings.Development.json");
            if (!File.Exists(Path.Combine(dir.FullName, "SolarDashboard.sln")) || !File.Exists(file)) continue;
            // Insert right after the project's own appsettings files, so environment variables and the command line still win.
            var sources = builder.Configuration.Sources;
            var after = sources.Select((s, i) => (s, i)).LastOrDefault(x => x.s is JsonConfigurationSource).i;
            var source = new JsonConfigurationSource { Path = file, Optional = true, ReloadOnChange = false };
            source.ResolveFileProvider();
            sources.Insert(after + 1, source);
            break;
        }
        return builder;
    }

    public static bool IsDemoMode(this WebApplicationBuilder builder) => builder.Configuration.GetValue<bool>($"{CoreOptions.Section}:DemoMode");

    public static bool IsDemoMode(this WebApplication app) => app.Configuration.GetValue<bool>($"{CoreOptions.Section}:DemoMode");

    /// <summary>Razor components, MudBlazor, the light/dark choice, sign-in and the app's own address.</summary>
    public static IServiceCollection AddSolarDashboardWeb(this IServiceCollection services)
    {
        services.AddSingleton<IAppAddress, ServerAppAddress>();
        services.AddSignIn();
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddSolarDashboardComponents();
        return services;
    }

    /// <summary>What the pages and components need besides the framework and sign-in: MudBlazor and the light/dark choice.</summary>
    public static IServiceCollection AddSolarDashboardComponents(this IServiceCollection services)
    {
        services.AddMudServices();
        services.AddScoped<Components.Layout.ThemeState>();
        return services;
    }

    /// <summary>
    /// Demo mode: the in-process sandbox, the demo installer connection pointing at it, and the whole app on the
    /// simulation's clock, so that moving the sandbox clock moves the sync, the data ages and the pages with it.
    /// </summary>
    public static IServiceCollection AddSolarDashboardDemo(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSandbox(configuration.GetSection(SandboxOptions.Section));
        services.AddSingleton<TimeProvider>(sp => new Sandbox.Simulation.SimulatedTimeProvider(sp.GetRequiredService<Sandbox.Simulation.SimulationClock>()));
        services.AddHostedService<DemoConnectionSeeder>();
        services.AddHostedService<DemoRedexSeeder>();
        services.AddHostedService<DemoControlSeeder>();
        return services;
    }

    public static WebApplication UseSolarDashboardPipeline(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
            app.UseHsts();
            app.UseHttpsRedirection();
        }
        // A browser asking for an address the app does not have gets the not-found page inside the layout (with a 404
        // status), not a blank page; API callers and the sandbox's vendor stand-ins keep their plain status codes.
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.Use((context, next) =>
        {
            var page = HttpMethods.IsGet(context.Request.Method) && !context.Request.Path.StartsWithSegments("/sandbox")
                && context.Request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase);
            if (!page && context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodePagesFeature>() is { } statusPages) statusPages.Enabled = false;
            return next(context);
        });
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        // Scripts, styles and icons carry nothing private; the sign-in pages need them before anyone is signed in.
        app.MapStaticAssets().AllowAnonymous();
        app.MapAccountEndpoints();
        return app;
    }
}
