namespace SolarDashboard.Core.Onboarding;

/// <summary>What became of an onboarding step, in plain words; <see cref="SiteKey"/> names the site it concerned.</summary>
public sealed record OnboardingResult(bool Done, string Message, string? SiteKey = null);
