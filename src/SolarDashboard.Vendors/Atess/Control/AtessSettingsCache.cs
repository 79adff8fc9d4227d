using System.Collections.Concurrent;

namespace SolarDashboard.Vendors.Atess.Control;

/// <summary>
/// Each device's settings as last read with GET, and when: reading them is an acquisition ("once every 5 minutes" per
/// device), so the page shows these until the next read is allowed, and the rules check a change against them.
/// </summary>
public sealed class AtessSettingsCache
{
    private readonly ConcurrentDictionary<string, (DateTimeOffset At, IReadOnlyDictionary<string, double?> Values)> _reads = new(StringComparer.Ordinal);

    public (DateTimeOffset At, IReadOnlyDictionary<string, double?> Values)? Get(string deviceSn) =>
        _reads.TryGetValue(deviceSn, out var read) ? read : null;

    public void Put(string deviceSn, DateTimeOffset at, IReadOnlyDictionary<string, double?> values) => _reads[deviceSn] = (at, values);

    /// <summary>When the device's settings may be read again.</summary>
    public DateTimeOffset? NextReadAt(string deviceSn) => Get(deviceSn) is { } read ? read.At + AtessClient.AcquisitionPeriod : null;
}
