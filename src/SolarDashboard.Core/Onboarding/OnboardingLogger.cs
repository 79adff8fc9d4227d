namespace SolarDashboard.Core.Onboarding;

/// <summary>A data logger of a site: its serial, whether it lost contact, and the devices behind it that the sync has found.</summary>
public sealed record OnboardingLogger(string Serial, bool Lost, IReadOnlyList<OnboardingDevice> Devices)
{
    /// <summary>The battery racks (BCUs) among its devices.</summary>
    public IEnumerable<OnboardingDevice> Racks => Devices.Where(d => d.Role == Plants.DeviceRole.BmsRack);
}
