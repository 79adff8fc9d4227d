using System.Security.Cryptography;
using SolarDashboard.Sandbox.Simulation;

namespace SolarDashboard.Sandbox.FusionSolar;

public static class Scopes
{
    public const string Basic = "pvms.openapi.basic";
    public const string Control = "pvms.openapi.control";
    public static readonly IReadOnlySet<string> All = new HashSet<string> { Basic, Control };
}
