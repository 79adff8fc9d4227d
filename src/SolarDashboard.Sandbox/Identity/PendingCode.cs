using System.Net;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using SolarDashboard.Sandbox.Simulation;

namespace SolarDashboard.Sandbox.Identity;

/// <summary>One sign-in's pending authorization code: single use, 5 minutes, bound to client, redirect and PKCE challenge.</summary>
public sealed record PendingCode(string User, string ClientId, string RedirectUri, string Challenge, string? Nonce, DateTimeOffset Expires);
