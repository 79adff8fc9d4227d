namespace SolarDashboard.Vendors.Atess;

/// <summary>One ATESS call as the call log sees it: the endpoint (method and path), its target, and how it ended.</summary>
public sealed record AtessCallRecord(string Api, string? Target, DateTimeOffset At, TimeSpan Duration, bool Succeeded, int? Code, int? HttpStatus, AtessErrorKind? Error);
