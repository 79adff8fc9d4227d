using System.Security.Cryptography;
using System.Text;
using SolarDashboard.Sandbox.Simulation;

namespace SolarDashboard.Sandbox.FusionSolar;

public sealed record TokenAnswer(string AccessToken, string RefreshToken, int ExpiresIn, string Scope);
