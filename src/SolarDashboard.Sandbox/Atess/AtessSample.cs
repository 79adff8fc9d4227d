using SolarDashboard.Sandbox.Simulation;

namespace SolarDashboard.Sandbox.Atess;

/// <summary>
/// One upload of a device: <see cref="Time"/> is the end of the 5-minute interval whose average powers it reports;
/// counters are as at <see cref="Time"/>; <see cref="Today"/> counts from the plant-local midnight before it.
/// </summary>
internal sealed record AtessSample(AtessDevice Device, AtessSystem System, Interval Interval, Counters Today, DateTimeOffset Time, ControlState State)
{
    public SystemSpec Spec => System.Spec;
    public AtessPlant Plant => System.Plant;

    /// <summary>The device's settings as they were at this time.</summary>
    public IReadOnlyDictionary<string, double> Settings =>
        State.Site?.VendorState is IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> all && all.TryGetValue(Device.Sn, out var s)
            ? s : Device.Settings;
}
