namespace SolarDashboard.Core.Control;

/// <summary>What an operator confirmed. <see cref="RequestKey"/> is made when the form opens; submitting it twice is one task.</summary>
public sealed record ControlSubmission(string RequestKey, ControlKind Kind, IReadOnlyList<PlantRequest> Plants);
