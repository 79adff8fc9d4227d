using System.Text.Json;
using Flurl.Http;
using Microsoft.Extensions.Logging;

namespace SolarDashboard.Vendors.FusionSolar;

public sealed record LoginResult(LoginOutcome Outcome, string? XsrfToken, string Message);
