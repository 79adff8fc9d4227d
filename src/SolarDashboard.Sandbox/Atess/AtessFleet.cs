using System.Security.Cryptography;
using System.Text;
using SolarDashboard.Sandbox.Simulation;

namespace SolarDashboard.Sandbox.Atess;

/// <summary>
/// The simulated ATESS cloud's state: accounts, plants, datalogs and their devices, in the same simulated world (clock,
/// seed, weather, physics) as the FusionSolar fleet. Structure changes under one lock; physics runs in each system's
/// <see cref="PlantSimulator"/>.
/// </summary>
public sealed class AtessFleet
{
    private readonly object _gate = new();
    private readonly Dictionary<string, string> _keys = [];
    private readonly Dictionary<long, AtessPlant> _plants = [];
    private readonly Dictionary<string, AtessDataLog> _dataLogs = [];
    private readonly Dictionary<string, AtessDevice> _devices = [];
    private long _nextPlantId = 3_000_001;
    private int _nextSite;

    public AtessFleet(SandboxWorld world, SandboxOptions options)
    {
        World = world;
        Options = options.Atess;
        _keys[Options.AccountId] = Options.ApiKey;
        _keys[Options.OtherAccountId] = Options.OtherApiKey;
        // Anchored to the sandbox's start, so the fleet is the same whenever it is first asked for.
        AtessFleetFactory.Populate(this, world.Seed, Options, world.Clock.Start);
    }

    public SandboxWorld World { get; }
    public AtessOptions Options { get; }
    private DateTimeOffset Now => World.Clock.UtcNow;

    /// <summary>The account of a valid <c>Authorization: Basic base64(accountId:apiKey)</c> header, or null.</summary>
    public string? Authenticate(string? header)
    {
        if (header is null || !header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase)) return null;
        string decoded;
        try { decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..].Trim())); }
        catch (FormatException) { return null; }
        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0) return null;
        var (account, key) = (decoded[..colon], decoded[(colon + 1)..]);
        lock (_gate)
        {
            return _keys.TryGetValue(account, out var expected)
                && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(key)) ? account : null;
        }
    }

    internal T Read<T>(Func<T> read)
    {
        lock (_gate) return read();
    }

    // ---- building (factory) ----

    internal AtessPlant NewPlant(string owner, PlantInput input, DateTimeOffset createTime, long? id = null, double phaseVolts = 230, double hertz = 50)
    {
        lock (_gate)
        {
            var plant = new AtessPlant
            {
                Id = id ?? _nextPlantId++,
                Owner = owner,
                SiteIndex = 1000 + _nextSite++,
                CreateTime = createTime,
                Name = input.Name!,
                Country = input.Country ?? "",
                City = input.City ?? "",
                Address = input.Address ?? "",
                Latitude = input.Latitude ?? 0,
                Longitude = input.Longitude ?? 0,
                Zone = input.Zone!,
                CapacityKwp = input.CapacityKwp ?? 0,
                InstallDate = input.InstallDate,
                PhaseVolts = phaseVolts,
                Hertz = hertz,
            };
            _plants.Add(plant.Id, plant);
            return plant;
        }
    }

    internal AtessDataLog NewDataLog(string sn, AtessKit kit, IReadOnlyList<string> deviceSns)
    {
        lock (_gate)
        {
            var devices = kit.Devices.Select((spec, k) => new AtessDevice
            {
                Sn = deviceSns[k],
                Spec = spec,
                DataLogSn = sn,
                Settings = AtessSettings.Defaults(spec.Family, kit.System(spec.SystemNo)),
            }).ToList();
            var log = new AtessDataLog { Sn = sn, Firmware = "DL-V3.1.6", Kit = kit, Devices = devices };
            _dataLogs.Add(sn, log);
            foreach (var d in devices) _devices.Add(d.Sn, d);
            return log;
        }
    }

    // ---- plants ----

    /// <summary>
    /// The inverters (HPS and PCS) of an account's plants, in plant order: serial, model, the rated power of the device's
    /// system and the plant-local day it was bound. For the REDEX sandbox, which registers some of them.
    /// </summary>
    internal IReadOnlyList<(string Sn, string Model, double RatedKw, DateOnly Since, string Where)> Inverters(string account)
    {
        lock (_gate)
        {
            return [.. _plants.Values.Where(p => p.Owner == account).OrderBy(p => p.Id)
                .SelectMany(p => p.DataLogs.Select(sn => _dataLogs[sn]).SelectMany(log => log.Devices
                    .Where(d => d.Family is AtessFamily.HpsCentral or AtessFamily.HpsString or AtessFamily.Pcs)
                    .Select(d => (d.Sn, d.Spec.Model,
                        log.Kit.System(d.Spec.SystemNo).RatedKw,
                        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(log.BoundAt ?? p.CreateTime, p.Zone).DateTime),
                        $"{p.Name} / {d.Spec.Model} {d.Sn}"))))];
        }
    }

    internal AtessPlant? Plant(long id)
    {
        lock (_gate) return _plants.GetValueOrDefault(id);
    }

    internal IReadOnlyList<AtessPlant> PlantsOf(string account)
    {
        lock (_gate) return [.. _plants.Values.Where(p => p.Owner == account).OrderBy(p => p.Id)];
    }

    internal AtessPlant AddPlant(string account, PlantInput input) => NewPlant(account, input, Now);

    /// <summary>Applies the given fields; null when done, else the text key of the refusal.</summary>
    internal string? ModifyPlant(AtessPlant plant, PlantInput input)
    {
        lock (_gate)
        {
            var moves = (input.Zone is { } z && z.Id != plant.Zone.Id) || (input.Latitude is { } lat && lat != plant.Latitude)
                || (input.Longitude is { } lon && lon != plant.Longitude);
            if (moves && plant.DataLogs.Count > 0) return "plantHasDataLogs";
            if (input.Name is { } name) plant.Name = name;
            if (input.Country is { } country) plant.Country = country;
            if (input.City is { } city) plant.City = city;
            if (input.Address is { } address) plant.Address = address;
            if (input.Latitude is { } la) plant.Latitude = la;
            if (input.Longitude is { } lo) plant.Longitude = lo;
            if (input.Zone is { } zone) plant.Zone = zone;
            if (input.CapacityKwp is { } cap) plant.CapacityKwp = cap;
            if (input.InstallDate is { } date) plant.InstallDate = date;
            return null;
        }
    }

    /// <summary>Deletes the plant; its datalogs go back to the unbound pool (their history with this plant is gone).</summary>
    internal IReadOnlyList<string> DeletePlant(AtessPlant plant)
    {
        lock (_gate)
        {
            var logs = plant.DataLogs.ToList();
            foreach (var sn in logs) UnbindLocked(_dataLogs[sn]);
            _plants.Remove(plant.Id);
            return logs;
        }
    }

    // ---- datalogs ----

    /// <summary>A datalog bound to a plant (unbound ones are invisible to the API).</summary>
    internal AtessDataLog? DataLog(string sn)
    {
        lock (_gate) return _dataLogs.TryGetValue(sn, out var log) && log.PlantId is not null ? log : null;
    }

    internal AtessDataLog? AnyDataLog(string sn)
    {
        lock (_gate) return _dataLogs.GetValueOrDefault(sn);
    }

    internal IReadOnlyList<AtessDataLog> DataLogsOf(AtessPlant plant)
    {
        lock (_gate) return [.. plant.DataLogs.Select(sn => _dataLogs[sn])];
    }

    /// <summary>Binds a known datalog to the plant from now on; null when done, else the text key of the refusal.</summary>
    internal string? AddDataLog(AtessPlant plant, string sn, DateTimeOffset? at = null)
    {
        lock (_gate)
        {
            if (!_dataLogs.TryGetValue(sn, out var log)) return "notFound";
            if (log.PlantId is not null) return "dataLogBound";
            log.PlantId = plant.Id;
            log.BoundAt = at ?? Now;
            log.Bindings++;
            plant.DataLogs.Add(sn);
            log.Systems = [.. log.Kit.Systems.Select(spec => NewSystem(log, plant, spec, log.BoundAt.Value))];
            return null;
        }
    }

    internal void DeleteDataLog(AtessDataLog log)
    {
        lock (_gate) UnbindLocked(log);
    }

    private void UnbindLocked(AtessDataLog log)
    {
        if (log.PlantId is { } id && _plants.TryGetValue(id, out var plant)) plant.DataLogs.Remove(log.Sn);
        log.PlantId = null;
        log.BoundAt = null;
        log.Systems = [];
        log.LostPeriods.Clear();
    }

    /// <summary>Loses or restores the datalog's contact from now on (admin).</summary>
    internal void SetLost(AtessDataLog log, bool lost, DateTimeOffset? at = null)
    {
        var when = PlantSimulator.FloorStep(at ?? Now);
        lock (_gate)
        {
            if (lost && !log.Lost) log.LostPeriods.Add((when, null));
            else if (!lost && log.Lost) log.LostPeriods[^1] = (log.LostPeriods[^1].From, when);
        }
    }

    /// <summary>Time of the datalog's latest upload, or null when nothing arrived yet.</summary>
    internal DateTimeOffset? LastUpload(AtessDataLog log)
    {
        lock (_gate)
        {
            if (log.BoundAt is not { } bound) return null;
            var last = PlantSimulator.FloorStep(Now);
            if (log.Lost) last = Min(last, log.LostPeriods[^1].From);
            return last > bound ? last : null;
        }
    }

    // ---- devices ----

    /// <summary>A device whose datalog is bound to a plant.</summary>
    internal AtessDevice? Device(string sn)
    {
        lock (_gate) return _devices.TryGetValue(sn, out var d) && _dataLogs[d.DataLogSn].PlantId is not null ? d : null;
    }

    internal AtessPlant? PlantOf(AtessDevice device)
    {
        lock (_gate) return _dataLogs[device.DataLogSn].PlantId is { } id ? _plants.GetValueOrDefault(id) : null;
    }

    internal IReadOnlyDictionary<string, double> SettingsOf(AtessDevice device)
    {
        lock (_gate) return new Dictionary<string, double>(device.Settings);
    }

    /// <summary>Validates and applies a change; the system's physics follows from the next 5-minute step.</summary>
    internal SettingError? ChangeSettings(AtessDevice device, IReadOnlyDictionary<string, double> changes)
    {
        lock (_gate)
        {
            var log = _dataLogs[device.DataLogSn];
            var spec = log.Kit.System(device.Spec.SystemNo);
            if (AtessSettings.Validate(device.Family, spec, device.Settings, changes) is { } error) return error;
            foreach (var (key, value) in changes) device.Settings[key] = AtessSettings.Round(AtessSettings.For(device.Family).First(d => d.Key == key), value);
            var system = log.Systems.FirstOrDefault(s => s.Spec.SystemNo == spec.SystemNo);
            if (system is not null)
            {
                var state = AtessSettings.Compose(spec, SettingsSnapshot(log, spec.SystemNo));
                system.Simulator.Schedule(Now, _ => state);
            }
            return null;
        }
    }

    // ---- data ----

    /// <summary>The device's latest upload, or null when none has arrived since it was bound.</summary>
    internal AtessSample? Latest(AtessDevice device)
    {
        var (system, log) = Locate(device);
        if (system is null || LastUpload(log) is not { } last) return null;
        var now = Now;
        var sim = system.Simulator;
        var day = system.Physics.LocalDate(last - PlantSimulator.Step);
        var intervals = sim.DayIntervals(day, now);
        var index = (int)((last - PlantSimulator.Step - system.Physics.LocalMidnightUtc(day)).Ticks / PlantSimulator.Step.Ticks);
        return index >= 0 && index < intervals.Count ? Sample(device, system, intervals[index], now) : null;
    }

    /// <summary>Uploads whose plant-local time lies in [<paramref name="startWall"/>, <paramref name="endWall"/>], oldest first.</summary>
    internal IReadOnlyList<AtessSample> History(AtessDevice device, DateTime startWall, DateTime endWall)
    {
        var (system, log) = Locate(device);
        var result = new List<AtessSample>();
        if (system is null) return result;
        List<(DateTimeOffset From, DateTimeOffset? To)> lost;
        lock (_gate) lost = [.. log.LostPeriods];
        var now = Now;
        var sim = system.Simulator;
        var zone = system.Physics.Zone;
        var first = DateOnly.FromDateTime(startWall).AddDays(-1);
        if (first < sim.FirstDay) first = sim.FirstDay;
        var lastDay = DateOnly.FromDateTime(endWall).AddDays(1);
        var today = system.Physics.LocalDate(now);
        if (lastDay > today) lastDay = today;
        for (var d = first; d <= lastDay; d = d.AddDays(1))
        {
            foreach (var i in sim.DayIntervals(d, now))
            {
                var t = i.Start + PlantSimulator.Step;
                if (t <= system.BoundAt || lost.Any(l => t > l.From && (l.To is null || t < l.To))) continue;
                var wall = TimeZoneInfo.ConvertTime(t, zone).DateTime;
                if (wall < startWall || wall > endWall) continue;
                result.Add(Sample(device, system, i, now));
            }
        }
        return result;
    }

    private static AtessSample Sample(AtessDevice device, AtessSystem system, in Interval i, DateTimeOffset now)
    {
        var t = i.Start + PlantSimulator.Step;
        var dayStart = system.Simulator.DayStart(system.Physics.LocalDate(t), now).Counters;
        return new AtessSample(device, system, i, i.End.Minus(dayStart), t, system.Simulator.StateAt(i.Start));
    }

    private (AtessSystem? System, AtessDataLog Log) Locate(AtessDevice device)
    {
        lock (_gate)
        {
            var log = _dataLogs[device.DataLogSn];
            return (log.Systems.FirstOrDefault(s => s.Spec.SystemNo == device.Spec.SystemNo), log);
        }
    }

    private AtessSystem NewSystem(AtessDataLog log, AtessPlant plant, SystemSpec spec, DateTimeOffset at)
    {
        var battery = new BatterySpec($"{spec.Battery.Racks}x{spec.Battery.CellsPerRack}S {spec.Battery.CellAh:0}Ah LFP",
            spec.Battery.CapacityKwh, spec.BatteryMaxKw, spec.BatteryMaxKw, false);
        var physics = new SimPlant(plant.SiteIndex, $"ATESS:{log.Sn}:{spec.SystemNo}:{log.Bindings}", $"{plant.Name} system {spec.SystemNo}",
            plant.Address, plant.Latitude, plant.Longitude, plant.Zone, PlantKind.Commercial, spec.PvKwp, at, "", "", battery,
            ControllerKind.Inverter, true, 0);
        var state = AtessSettings.Compose(spec, SettingsSnapshot(log, spec.SystemNo));
        return new AtessSystem
        {
            Spec = spec,
            Plant = plant,
            Physics = physics,
            Simulator = new PlantSimulator(World.Seed, physics, spec.RatedKw, state, spec.LoadScale),
            BoundAt = at,
            BatteryKey = (long)(DetRandom.Hash(World.Seed, 71, log.Devices[0].Key, spec.SystemNo) >> 1),
        };
    }

    private static Dictionary<string, (AtessFamily, IReadOnlyDictionary<string, double>)> SettingsSnapshot(AtessDataLog log, int systemNo) =>
        log.Devices.Where(d => d.Spec.SystemNo == systemNo)
            .ToDictionary(d => d.Sn, d => (d.Family, (IReadOnlyDictionary<string, double>)new Dictionary<string, double>(d.Settings)));

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    // ---- admin ----

    internal IReadOnlyList<string> Accounts()
    {
        lock (_gate) return [.. _keys.Keys];
    }

    internal IReadOnlyList<AtessDataLog> AllDataLogs()
    {
        lock (_gate) return [.. _dataLogs.Values];
    }

    internal IReadOnlyList<AtessPlant> AllPlants()
    {
        lock (_gate) return [.. _plants.Values.OrderBy(p => p.Id)];
    }
}
