using Microsoft.Extensions.Options;
using SolarDashboard.Sandbox.Admin;
using SolarDashboard.Sandbox.Atess;
using SolarDashboard.Sandbox.FusionSolar;
using SolarDashboard.Sandbox.Redex;
using SolarDashboard.Sandbox.Simulation;

namespace SolarDashboard.Sandbox;

public static class SandboxServiceCollectionExtensions
{
    public const string FusionSolarPrefix = "/sandbox/fusionsolar";
    public const string FusionSolarOAuthPrefix = "/sandbox/fusionsolar-oauth";
    public const string AdminPrefix = "/sandbox/admin";
    public const string IdentityPrefix = "/sandbox/idp";
    public const string AtessPrefix = "/sandbox/atess/api/v1";
    public const string RedexPrefix = "/sandbox/redex";

    /// <summary>Registers the simulated vendor clouds. Options come from <paramref name="section"/> (usually "Sandbox").</summary>
    public static IServiceCollection AddSandbox(this IServiceCollection services, IConfiguration section, Action<SandboxOptions>? configure = null)
    {
        var options = new SandboxOptions();
        section.Bind(options);
        configure?.Invoke(options);
        services.AddSingleton(options);
        // The clock runs on the time provider registered so far (tests register a manual one first); the host may then
        // replace TimeProvider with the simulation's own time without making the clock depend on itself.
        var realTime = services.LastOrDefault(d => d.ServiceType == typeof(TimeProvider))?.ImplementationInstance as TimeProvider ?? TimeProvider.System;
        services.TryAddSingletonTimeProvider();
        services.AddSingleton(_ => new SimulationClock(realTime, options.TimeScale, options.StartTime));
        services.AddSingleton<SandboxWorld>();
        services.AddSingleton<Quirks>();
        services.AddSingleton<ApiAccountSessions>();
        services.AddSingleton<OAuthServer>();
        services.AddSingleton<FlowControl>();
        services.AddSingleton<NbiPipeline>();
        services.AddSingleton<GatewayQuirkFilter>();
        services.AddSingleton<Identity.IdpKeys>();
        services.AddSingleton<Identity.IdpCodes>();
        services.AddSingleton<AtessFleet>();
        services.AddSingleton<AtessQuirks>();
        services.AddSingleton<AcquisitionLimit>();
        services.AddSingleton<AtessGatewayFilter>();
        services.AddSingleton<Identity.IdpState>();
        services.AddSingleton<RedexDirectory>();
        services.AddSingleton<RedexTokens>();
        services.AddSingleton<RedexRateLimiter>();
        services.AddSingleton<RedexLedger>();
        services.AddSingleton<RedexQuirks>();
        services.AddSingleton<RedexGatewayFilter>();
        services.AddSingleton<RedexApi>();
        return services;
    }

    /// <summary>Maps the FusionSolar NBI and its OAuth service, the ATESS OpenAPI, the REDEX registry, the identity provider and the sandbox admin endpoints under /sandbox.</summary>
    public static IEndpointRouteBuilder MapSandbox(this IEndpointRouteBuilder app)
    {
        var nbi = app.MapGroup(FusionSolarPrefix).AllowAnonymous().DisableAntiforgery()
            .AddEndpointFilter<GatewayQuirkFilter>().WithTags("sandbox");
        BasicApi.Map(nbi);
        ControlApi.Map(nbi);
        OAuthEndpoints.Map(app.MapGroup(FusionSolarOAuthPrefix).AllowAnonymous().WithTags("sandbox"));
        Identity.IdentityProviderEndpoints.Map(app.MapGroup(IdentityPrefix).AllowAnonymous().WithTags("sandbox"));
        AtessApi.Map(app.MapGroup(AtessPrefix).AllowAnonymous().DisableAntiforgery().AddEndpointFilter<AtessGatewayFilter>().WithTags("sandbox"));
        AdminEndpoints.Map(app.MapGroup(AdminPrefix).AllowAnonymous().DisableAntiforgery().WithTags("sandbox"));
        AtessAdminEndpoints.Map(app.MapGroup(AdminPrefix + "/atess").AllowAnonymous().DisableAntiforgery().WithTags("sandbox"));
        RedexEndpoints.Map(app.MapGroup(RedexPrefix).AllowAnonymous().DisableAntiforgery().AddEndpointFilter<RedexGatewayFilter>().WithTags("sandbox"));
        RedexAdminEndpoints.Map(app.MapGroup(AdminPrefix + "/redex").AllowAnonymous().DisableAntiforgery().WithTags("sandbox"));
        return app;
    }

    private static void TryAddSingletonTimeProvider(this IServiceCollection services)
    {
        if (services.All(d => d.ServiceType != typeof(TimeProvider))) services.AddSingleton(TimeProvider.System);
    }
}
