using System.Security.Cryptography;
using SolarDashboard.Sandbox.Simulation;

namespace SolarDashboard.Sandbox.FusionSolar;

/// <summary>Who is calling the NBI: an API account (XSRF session) or an OAuth owner (bearer token with scopes).</summary>
public sealed record Caller(string Key, bool IsOAuth, IReadOnlySet<string> Scopes, IReadOnlyList<string> PlantCodes);
