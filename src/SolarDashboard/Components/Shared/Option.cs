namespace SolarDashboard.Components.Shared;

/// <summary>A choice of a drop-down or filter: the text shown and the value it stands for.</summary>
public sealed record Option<T>(string Text, T Value);
