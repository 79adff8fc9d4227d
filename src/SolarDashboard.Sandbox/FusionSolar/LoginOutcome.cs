using System.Security.Cryptography;
using SolarDashboard.Sandbox.Simulation;

namespace SolarDashboard.Sandbox.FusionSolar;

public enum LoginOutcome { Ok, RateLimited, UnknownAccount, WrongPassword, Locked }
