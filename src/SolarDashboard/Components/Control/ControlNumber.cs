using System.Globalization;
using System.Text.RegularExpressions;

namespace SolarDashboard.Components.Control;

/// <summary>
/// Reads a number as an operator typed it, strictly and in the invariant culture: digits with an optional sign and one
/// decimal point. Anything else is refused with a reason rather than guessed at: "1,5" is not 15, "1e10" is not 110 or
/// 10000000000, and "NaN", "Infinity" or a number too large for a double never become a value.
/// </summary>
public static partial class ControlNumber
{
    [GeneratedRegex(@"^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)$", RegexOptions.CultureInvariant)]
    private static partial Regex Plain();

    /// <summary>True with the value (null for an empty field), or false with what is wrong with the text.</summary>
    public static bool TryRead(string? text, out double? value, out string? problem)
    {
        (value, problem) = (null, null);
        var t = text?.Trim() ?? "";
        if (t.Length == 0) return true;
        if (!Plain().IsMatch(t))
        {
            problem = t.Contains(',') ? $"\"{t}\" is not a number here: use a point for decimals (1.5) and no thousands separators."
                : t.Contains('e', StringComparison.OrdinalIgnoreCase) && t.Any(char.IsDigit) ? $"\"{t}\" uses exponent notation: type the number in full."
                : $"\"{t}\" is not a number: type digits with at most one decimal point, such as 2.5.";
            return false;
        }
        var v = double.Parse(t, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        if (!double.IsFinite(v))
        {
            problem = $"\"{(t.Length > 20 ? t[..20] + "…" : t)}\" is too large a number.";
            return false;
        }
        value = v;
        return true;
    }

    /// <summary>How a value is shown back in its field: invariant, never in exponent notation.</summary>
    public static string Show(double? value) => value switch
    {
        null => "",
        { } v when double.IsFinite(v) => v.ToString("0.############", CultureInfo.InvariantCulture),
        { } v => v.ToString(CultureInfo.InvariantCulture),
    };
}
