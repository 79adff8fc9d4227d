using System.Security.Cryptography;
using System.Text;
using SolarDashboard.Sandbox.Atess;
using SolarDashboard.Sandbox.Simulation;

namespace SolarDashboard.Sandbox.Redex;

/// <summary>The registry's accounts and registered inverters, fixed at start from the options and the simulated fleet.</summary>
public sealed class RedexDirectory
{
    public const long FirstFleetRemoteInvId = 10000000340001;
    public const long FirstAtessRemoteInvId = 10000000350001;

    private readonly Dictionary<string, RedexAccount> _accountsByClientId;
    private readonly Dictionary<string, RedexInverter> _inverters;

    public RedexDirectory(SandboxOptions options, SandboxWorld world, AtessFleet atess)
    {
        var accounts = options.Redex.EffectiveAccounts;
        Accounts = [.. accounts.Select(a => new RedexAccount(a.Name, a.ApiKey, a.ClientId, a.ClientSecret))];
        _accountsByClientId = Accounts.ToDictionary(a => a.ClientId, StringComparer.Ordinal);

        var inverters = accounts
            .SelectMany(a => a.Inverters.Select(i => new RedexInverter(i.RemoteInvId, a.ClientId, i.SerialNumber, i.CapacityKw, i.StartDate, i.Vendor, null)))
            .ToList();
        if (Accounts.Count > 0)
        {
            inverters.AddRange(FleetInverters(world.Fleet, Accounts[0].ClientId, options.Redex.FleetInverters));
            inverters.AddRange(AtessInverters(atess, Accounts[0].ClientId, options.Redex.AtessInverters));
        }
        var duplicate = inverters.GroupBy(i => i.RemoteInvId).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new InvalidOperationException($"Sandbox:Redex registers RemoteInvId {duplicate.Key} twice.");
        Inverters = inverters;
        _inverters = inverters.ToDictionary(i => i.RemoteInvId, StringComparer.Ordinal);
    }

    public IReadOnlyList<RedexAccount> Accounts { get; }
    public IReadOnlyList<RedexInverter> Inverters { get; }

    public RedexAccount? Account(string clientId) => _accountsByClientId.GetValueOrDefault(clientId);

    /// <summary>RemoteInvIds are compared exactly (case-sensitive), as identifiers are.</summary>
    public RedexInverter? Inverter(string remoteInvId) => _inverters.GetValueOrDefault(remoteInvId);

    /// <summary>The account whose API key, client id and secret all match, compared in constant time.</summary>
    public RedexAccount? Authenticate(string apiKey, string clientId, string clientSecret)
    {
        var account = Account(clientId);
        if (account is null) return null;
        var keyOk = Same(account.ApiKey, apiKey);
        var secretOk = Same(account.ClientSecret, clientSecret);
        return keyOk && secretOk ? account : null;
    }

    private static bool Same(string expected, string given) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(given));

    /// <summary>Inverters of the installer fleet, in fleet order, each with its serial (ESN), rated power and grid-connection day.</summary>
    private static IEnumerable<RedexInverter> FleetInverters(Fleet fleet, string clientId, int count)
    {
        var devices = fleet.Installer.PlantCodes
            .SelectMany(code => fleet.DevicesByPlant[code].Where(d => DevType.IsInverter(d.TypeId)))
            .Take(Math.Max(0, count));
        var n = 0;
        foreach (var device in devices)
        {
            var plant = fleet.PlantsByCode[device.StationCode];
            yield return new RedexInverter($"STR{FirstFleetRemoteInvId + n++}", clientId, device.Esn, device.RatedKw,
                plant.LocalDate(plant.GridConnection), "FusionSolar", $"{plant.Name} / {device.Name} (devId {device.Id})");
        }
    }

    /// <summary>Inverters of the ATESS demo account, in plant order, each with its serial, its system's rated power and the day it was installed.</summary>
    private static IEnumerable<RedexInverter> AtessInverters(AtessFleet atess, string clientId, int count) =>
        atess.Inverters(atess.Options.AccountId).Take(Math.Max(0, count)).Select((d, n) =>
            new RedexInverter($"STR{FirstAtessRemoteInvId + n}", clientId, d.Sn, d.RatedKw, d.Since, "ATESS", d.Where));
}
