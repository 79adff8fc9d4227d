using System.Globalization;

namespace SolarDashboard.Components.Bms;

/// <summary>A cell voltage or temperature extreme and where it is: rack, module and (for voltages) cell number.</summary>
public sealed record BmsReading(double Value, string Unit, int? Rack, int? Module, int? Cell)
{
    public string Text => Value.ToString(Unit == "V" ? "0.000" : "0.#", CultureInfo.InvariantCulture) + " " + Unit;

    /// <summary>"rack 2 · module 5 · cell 12", leaving out what the rack did not report.</summary>
    public string Where => string.Join(" · ", new[] { Part("rack", Rack), Part("module", Module), Part("cell", Cell) }.Where(p => p is not null));

    private static string? Part(string name, int? n) => n is { } v ? $"{name} {v.ToString(CultureInfo.InvariantCulture)}" : null;
}
