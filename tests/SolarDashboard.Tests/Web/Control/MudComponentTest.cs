using Bunit;
using MudBlazor.Services;

namespace SolarDashboard.Tests.Web.Control;

/// <summary>
/// A bunit context with MudBlazor's services and loose JS interop. xunit 2 disposes test classes synchronously, which
/// MudBlazor's async-only services refuse, so the context is disposed asynchronously first.
/// </summary>
public abstract class MudComponentTest : BunitContext, IAsyncLifetime
{
    protected MudComponentTest()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
    }

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();
}
