namespace SolarDashboard.Sandbox.Redex;

/// <summary>What a token or refresh call answers in <c>Data</c> (besides <c>TokenType: "Bearer"</c>).</summary>
public sealed record RedexTokenPair(string AccessToken, string RefreshToken, int ExpiresIn);
