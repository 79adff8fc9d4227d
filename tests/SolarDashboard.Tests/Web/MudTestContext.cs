using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SolarDashboard.Hosting;

namespace SolarDashboard.Tests.Web;

/// <summary>
/// A bunit context with what the app's components need (the app's own AddSolarDashboardComponents: MudBlazor and the
/// light/dark state), MudBlazor's JS calls answered loosely, and a pinned clock.
/// </summary>
public class MudTestContext : BunitContext, IAsyncLifetime
{
    public static readonly DateTimeOffset Now = new(2026, 6, 17, 10, 0, 0, TimeSpan.Zero);

    public FakeTimeProvider Clock { get; } = new(Now);

    public MudTestContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddSingleton<TimeProvider>(Clock);
        Services.AddSolarDashboardComponents();
    }

    /// <summary>Renders as in a circuit (after the prerender). Runs after every constructor has added its services.</summary>
    public virtual Task InitializeAsync()
    {
        SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
        return Task.CompletedTask;
    }

    // MudBlazor's services dispose only asynchronously: xunit must dispose the context this way.
    async Task IAsyncLifetime.DisposeAsync() => await CleanUpAsync();

    /// <summary>Disposes the rendered components and the services; a subclass adds its own clean-up after this.</summary>
    protected virtual async Task CleanUpAsync() => await DisposeAsync();
}
