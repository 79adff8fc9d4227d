using System.Globalization;
using SolarDashboard.Core.Control;

namespace SolarDashboard.Components.DeviceSettings;

/// <summary>
/// The settings form of one device: what the operator typed per setting, checked against each setting's range as they
/// type, and the changes to send (only the values that differ from the current ones). The request key is made when the
/// form opens, so confirming twice is one task; any edit voids a review.
/// </summary>
public sealed class DeviceSettingsForm(IReadOnlyList<DeviceSetting> settings)
{
    private readonly Dictionary<string, string> _typed = new(StringComparer.Ordinal);

    public string RequestKey { get; } = Guid.NewGuid().ToString("N");

    public IReadOnlyList<DeviceSetting> Settings => settings;

    /// <summary>The plan shown for review; null until asked, and again after any edit.</summary>
    public ControlPlan? Review { get; set; }

    public string Text(DeviceSetting s) => _typed.TryGetValue(s.Key, out var t) ? t : s.Value is { } v ? FieldLimit.Num(v) : "";

    public void Type(string key, string? text)
    {
        _typed[key] = text?.Trim() ?? "";
        Review = null;
    }

    /// <summary>What is wrong with what was typed for this setting; null when it may be sent (or is unchanged).</summary>
    public string? Problem(DeviceSetting s)
    {
        if (s.Limit is not { } limit || !_typed.TryGetValue(s.Key, out var text)) return null;
        if (!TryParse(text, out var value)) return $"Enter a number ({limit.Range}).";
        return limit.Problem(value) is { } p ? char.ToUpperInvariant(p[0]) + p[1..] : null;
    }

    /// <summary>The settings whose typed value differs from the current one, by the vendor's names.</summary>
    public IReadOnlyDictionary<string, double> Changes()
    {
        var changes = new SortedDictionary<string, double>(StringComparer.Ordinal);
        foreach (var s in settings.Where(s => !s.ReadOnly && _typed.ContainsKey(s.Key)))
            if (TryParse(_typed[s.Key], out var value) && value != s.Value) changes[s.Key] = value;
        return changes;
    }

    public bool HasProblems => settings.Any(s => Problem(s) is not null);

    public bool CanReview => !HasProblems && Changes().Count > 0;

    /// <summary>Invariant numbers; a decimal comma is read as a point.</summary>
    private static bool TryParse(string text, out double value) =>
        double.TryParse(text.Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
}
