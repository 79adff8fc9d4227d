using System.Globalization;
using System.Text.Json;
using Flurl.Http;
using Microsoft.Extensions.Logging;
using SolarDashboard.Vendors.FusionSolar.Wire;

namespace SolarDashboard.Vendors.FusionSolar.Auth;

/// <summary>Where a connection's OAuth client lives and who it is (reference 3.1.1).</summary>
public sealed record OAuthClientSettings(Uri TokenEndpoint, string ClientId, string ClientSecret);
