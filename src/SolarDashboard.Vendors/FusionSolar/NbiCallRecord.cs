using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Flurl.Http;
using Microsoft.Extensions.Logging;
using SolarDashboard.Vendors.FusionSolar.Auth;
using SolarDashboard.Vendors.FusionSolar.Wire;

namespace SolarDashboard.Vendors.FusionSolar;

/// <summary>One NBI call as the quota view and the call log see it.</summary>
public sealed record NbiCallRecord(string Api, DateTimeOffset At, TimeSpan Duration, bool Succeeded, int? FailCode, int? HttpStatus, FusionSolarErrorKind? Error);
