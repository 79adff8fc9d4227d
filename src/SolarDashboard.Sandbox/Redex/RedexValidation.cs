using System.Globalization;
using System.Text.RegularExpressions;

namespace SolarDashboard.Sandbox.Redex;

/// <summary>
/// The registry's rules for a generation-data request, each answered 422 with its own <see cref="RedexError"/>:
/// a registered RemoteInvId, FrequencyType Daily, 1 to 3,000 records, dates YYYY-MM-DD that are neither in the future
/// (the registry's UTC date) nor before the device's start date nor repeated, and values that are non-negative decimals
/// with at most 3 decimals. The order of the accumulated value is checked against stored data by <see cref="RedexLedger"/>.
/// </summary>
public static partial class RedexValidation
{
    public const int MaxRecords = 3000;
    public const int MaxDecimals = 3;
    public const string Daily = "Daily";

    public static (IReadOnlyList<RedexError> Errors, IReadOnlyList<RedexDailyValue> Values) Validate(
        RedexGenerationRequest request, RedexInverter? inverter, DateOnly registryToday, string pathAccumulatedField)
    {
        var errors = new List<RedexError>();
        var values = new List<RedexDailyValue>();
        if (string.IsNullOrEmpty(request.RemoteInvId)) errors.Add(new("RemoteInvId", "RemoteInvId is required"));
        else if (inverter is null) errors.Add(new("RemoteInvId", $"No device is registered with RemoteInvId {request.RemoteInvId}"));

        if (string.IsNullOrEmpty(request.FrequencyType)) errors.Add(new("FrequencyType", "FrequencyType is required"));
        else if (request.FrequencyType != Daily) errors.Add(new("FrequencyType", $"FrequencyType {request.FrequencyType} is not supported: only Daily is"));

        if (request.Data is not { Count: > 0 } data)
        {
            errors.Add(new("Data", "Data must hold at least one record"));
            return (errors, values);
        }
        if (data.Count > MaxRecords)
        {
            errors.Add(new("Data", $"Data holds {data.Count} records: at most {MaxRecords} are accepted per request"));
            return (errors, values);
        }

        var seen = new Dictionary<DateOnly, int>();
        for (var i = 0; i < data.Count; i++)
        {
            var record = data[i];
            var key = $"Data[{i}]";
            var before = errors.Count;
            var date = Date(record.Timestamp, $"{key}.Timestamp", registryToday, inverter, errors);
            if (date is { } d && !seen.TryAdd(d, i))
                errors.Add(new($"{key}.Timestamp", $"{record.Timestamp} is already given in Data[{seen[d]}] of this request"));
            var period = Amount(record.PeriodProductionInKWh, $"{key}.PeriodProductionInKWh", errors);

            var (power, energy) = (record.AccumulatedPowerInKWh, record.AccumulatedEnergyInKWh);
            var text = power ?? energy;
            decimal? accumulated = null;
            if (power is not null && energy is not null && power != energy)
                errors.Add(new($"{key}.{RedexGenerationRequest.AccumulatedEnergy}", $"{RedexGenerationRequest.AccumulatedPower} and {RedexGenerationRequest.AccumulatedEnergy} are both given and differ"));
            else
            {
                var field = power is not null ? RedexGenerationRequest.AccumulatedPower : energy is not null ? RedexGenerationRequest.AccumulatedEnergy : pathAccumulatedField;
                accumulated = Amount(text, $"{key}.{field}", errors);
            }

            if (errors.Count == before)
                values.Add(new RedexDailyValue(i, date!.Value, record.PeriodProductionInKWh!, period!.Value, text!, accumulated!.Value));
        }
        return (errors, values);
    }

    /// <summary>Which spelling a request used for the accumulated value (for the admin view).</summary>
    public static string AccumulatedFieldOf(RedexGenerationRequest request) =>
        string.Join('+', new[]
        {
            request.Data!.Any(r => r.AccumulatedPowerInKWh is not null) ? RedexGenerationRequest.AccumulatedPower : null,
            request.Data!.Any(r => r.AccumulatedEnergyInKWh is not null) ? RedexGenerationRequest.AccumulatedEnergy : null,
        }.OfType<string>());

    private static DateOnly? Date(string? text, string key, DateOnly today, RedexInverter? inverter, List<RedexError> errors)
    {
        if (string.IsNullOrEmpty(text))
        {
            errors.Add(new(key, "Timestamp is required"));
            return null;
        }
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            errors.Add(new(key, $"{text} is not a date in the format YYYY-MM-DD"));
            return null;
        }
        if (date > today)
        {
            errors.Add(new(key, $"{text} is in the future (the registry's date is {today:yyyy-MM-dd}, UTC)"));
            return null;
        }
        if (inverter is not null && date < inverter.StartDate)
        {
            errors.Add(new(key, $"{text} is before the device's start date {inverter.StartDate:yyyy-MM-dd}"));
            return null;
        }
        return date;
    }

    private static decimal? Amount(string? text, string key, List<RedexError> errors)
    {
        var field = key[(key.LastIndexOf('.') + 1)..];
        if (string.IsNullOrEmpty(text))
        {
            errors.Add(new(key, $"{field} is required"));
            return null;
        }
        var match = Number().Match(text);
        if (!match.Success)
        {
            errors.Add(new(key, $"{text} is not a decimal number written with a dot, e.g. 12.345"));
            return null;
        }
        if (match.Groups["sign"].Success)
        {
            errors.Add(new(key, $"{text} is negative"));
            return null;
        }
        if (match.Groups["decimals"].Length > MaxDecimals)
        {
            errors.Add(new(key, $"{text} has more than {MaxDecimals} decimals"));
            return null;
        }
        return decimal.Parse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
    }

    // Up to 15 integer digits keep every value exact in decimal; decimals are counted as written ("0.1230" has four).
    [GeneratedRegex(@"^(?<sign>-)?[0-9]{1,15}(\.(?<decimals>[0-9]+))?$", RegexOptions.CultureInvariant)]
    private static partial Regex Number();
}
