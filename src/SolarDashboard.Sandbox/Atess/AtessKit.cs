namespace SolarDashboard.Sandbox.Atess;

/// <summary>The hardware behind one datalog: its systems and devices.</summary>
internal sealed record AtessKit(string Name, IReadOnlyList<SystemSpec> Systems, IReadOnlyList<DeviceSpec> Devices)
{
    public SystemSpec System(int no) => Systems.Single(s => s.SystemNo == no);
}
