using SolarDashboard.Sandbox;
using SolarDashboard.Testing;

namespace SolarDashboard.Tests.Sandbox.Atess;

/// <summary>One sandbox (relaxed flow control, pinned clock) shared by the tests of a class that only read from it.</summary>
public sealed class AtessReadOnlySandbox : IAsyncLifetime
{
    public SandboxHost Sandbox { get; private set; } = null!;
    internal AtessFleetView Fleet { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Sandbox = await SandboxHost.StartAsync(o => o.FlowControl = FlowControlMode.Relaxed);
        Fleet = await AtessFleetView.LoadAsync(Sandbox);
    }

    public async Task DisposeAsync() => await Sandbox.DisposeAsync();
}
