using Microsoft.AspNetCore.Components.Forms;

namespace SolarDashboard.Tests.Web.Connections;

/// <summary>The anti-forgery token a request would carry, fixed so a test can look for it in the markup.</summary>
public sealed class FixedAntiforgery : AntiforgeryStateProvider
{
    public const string Token = "test-antiforgery-token";

    public override AntiforgeryRequestToken? GetAntiforgeryToken() => new(Token, "__RequestVerificationToken");
}
