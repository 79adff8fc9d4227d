using SolarDashboard.Core.Sync;

namespace SolarDashboard.Vendors.FusionSolar.Sync;

/// <summary>Every NBI call goes into the connection's call log (<see cref="ConnectionCallLog"/>): the quota view and every budget check read it.</summary>
public static class CallLog
{
    public static VendorCall Entry(int connectionId, NbiCallRecord c) => new()
    {
        ConnectionId = connectionId, Api = c.Api, At = c.At, DurationMs = (int)c.Duration.TotalMilliseconds, Succeeded = c.Succeeded,
        FailCode = c.FailCode, HttpStatus = c.HttpStatus, Error = c.Error?.ToString(),
    };
}
