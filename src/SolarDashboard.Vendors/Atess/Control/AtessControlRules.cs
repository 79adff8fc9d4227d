using System.Globalization;
using SolarDashboard.Core.Control;
using SolarDashboard.Vendors.Atess.Model;

namespace SolarDashboard.Vendors.Atess.Control;

/// <summary>
/// ATESS's rules for the control ledger: device settings only, one device per task, each value within the catalogue's
/// range for that device, and the pairs that must stay ordered (checked against the last values read). A setting the
/// catalogue does not know is never sent.
/// </summary>
public sealed class AtessControlRules(AtessSettingsCache cache) : IControlRules
{
    public int MaxPlants(ControlKind kind) => kind == ControlKind.DeviceSetting ? 1 : 0;

    public int MaxWindows => 0;

    public FieldLimit Limit(ControlField field, PlantControlFacts? plant, ForcedAction action = ForcedAction.Charge) =>
        new(field.ToString(), "", 0, 0, AtessSettingCatalogue.Section) { Missing = "ATESS sites take device settings only." };

    public IReadOnlyList<string> WindowProblems(IReadOnlyList<TouWindow> windows) => [];

    public BatteryModeParameters? ManualControlMode => null;

    public IReadOnlyList<string> Check(ControlParameters parameters, PlantControlFacts plant)
    {
        if (parameters is not DeviceSettingParameters p) return [$"{plant.PlantName}: ATESS sites take no plant-wide battery tasks; change a device's settings on its page."];
        if (!plant.DeviceTypes.TryGetValue(p.DeviceKey, out var type)) return [$"{plant.PlantName}: no device {p.DeviceKey} with settings."];
        var problems = new List<string>();
        void Add(string problem) => problems.Add($"{plant.PlantName}, {p.DeviceKey}: {problem}");
        if (plant.DeviceSettingsProblem is { } blocked) Add(blocked);
        // One task per plant (the ledger's index): a site's settings act together, so one change is confirmed before the next.
        if (plant.RunningTaskId is { } running) Add($"task #{running} on this site is still being confirmed; wait for it to finish.");
        if (p.Changes.Count == 0) Add("change at least one setting.");
        var device = AtessDeviceFacts.Of(type, plant.DeviceTypes.Values);
        foreach (var (key, value) in p.Changes)
        {
            if (AtessSettingCatalogue.Find(device.Kind, key) is not { } def) Add($"{key} is not a setting the dashboard may change.");
            else if (def.Limit(device).Problem(value) is { } problem) Add(problem);
        }
        var after = new Dictionary<string, double?>(cache.Get(p.DeviceKey)?.Values ?? new Dictionary<string, double?>(), StringComparer.Ordinal);
        foreach (var (key, value) in p.Changes) after[key] = value;
        foreach (var (upper, lower) in AtessSettingCatalogue.Ordered)
            if (p.Changes.ContainsKey(upper) || p.Changes.ContainsKey(lower))
                if (after.GetValueOrDefault(upper) is { } u && after.GetValueOrDefault(lower) is { } l && u <= l)
                    Add($"{Label(device, upper)} ({Num(u)}) must stay above {Label(device, lower)} ({Num(l)}).");
        return problems;
    }

    public string Describe(ControlParameters parameters, PlantControlFacts plant)
    {
        if (parameters is not DeviceSettingParameters p) return "Nothing (ATESS sites take device settings only).";
        var device = AtessDeviceFacts.Of(plant.DeviceTypes.GetValueOrDefault(p.DeviceKey, ""), plant.DeviceTypes.Values);
        var before = cache.Get(p.DeviceKey)?.Values;
        var parts = p.Changes.Select(c =>
        {
            var unit = AtessSettingCatalogue.Find(device.Kind, c.Key)?.Unit is { Length: > 0 } u ? " " + u : "";
            var from = before?.GetValueOrDefault(c.Key) is { } old ? $" from {Num(old)}{unit}" : "";
            return $"{Label(device, c.Key)}{from} to {Num(c.Value)}{unit}";
        });
        return $"{AtessDeviceTypes.Name(plant.DeviceTypes.GetValueOrDefault(p.DeviceKey, "device"))} {p.DeviceKey}: set {string.Join("; ", parts)}; then read it back.";
    }

    private static string Label(AtessDeviceFacts device, string key) => AtessSettingCatalogue.Find(device.Kind, key)?.Label ?? key;

    private static string Num(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
