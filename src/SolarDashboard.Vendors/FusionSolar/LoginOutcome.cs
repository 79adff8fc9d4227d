using System.Text.Json;
using Flurl.Http;
using Microsoft.Extensions.Logging;

namespace SolarDashboard.Vendors.FusionSolar;

public enum LoginOutcome { Ok, CredentialsRejected, RateLimited, Unavailable }
