namespace SolarDashboard.Core.Control;

/// <summary>A delivery or query answer: the vendor's result code and message, the task id, each plant's line, and the answer as it came.</summary>
public sealed record ControlAnswer(int FailCode, string? Message, string? TaskId, IReadOnlyList<PlantAnswer> Plants, string Raw);
