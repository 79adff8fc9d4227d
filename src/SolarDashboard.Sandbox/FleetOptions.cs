namespace SolarDashboard.Sandbox;

public sealed class FleetOptions
{
    public string InstallerUserName { get; set; } = "demo-installer";
    public string InstallerSystemCode { get; set; } = "demo-installer-2024";

    /// <summary>Plants bound to the installer API account (at least 12 in the demo fleet).</summary>
    public int InstallerPlants { get; set; } = 12;

    /// <summary>When true, every installer plant is residential (inverter + battery + power sensor), as in the quota benchmark.</summary>
    public bool InstallerAllResidential { get; set; }

    /// <summary>Residential plants get a Dongle as controller; without it their inverters connect directly (controller "Inverter").</summary>
    public bool ResidentialDongles { get; set; } = true;

    /// <summary>OAuth owners; the default fleet has owner-anna (1 plant) and owner-ben (2 plants).</summary>
    public List<OwnerOptions> Owners { get; set; } = [];

    internal IReadOnlyList<OwnerOptions> EffectiveOwners => Owners.Count > 0
        ? Owners
        : [new() { UserName = "owner-anna", Password = "demo", Plants = 1 }, new() { UserName = "owner-ben", Password = "demo", Plants = 2 }];
}
