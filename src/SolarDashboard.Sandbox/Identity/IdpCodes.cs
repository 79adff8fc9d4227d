using System.Net;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using SolarDashboard.Sandbox.Simulation;

namespace SolarDashboard.Sandbox.Identity;

/// <summary>The identity provider's pending codes (one store per sandbox).</summary>
public sealed class IdpCodes
{
    public System.Collections.Concurrent.ConcurrentDictionary<string, PendingCode> Pending { get; } = new();
}
