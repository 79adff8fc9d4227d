namespace SolarDashboard.Components.Shared;

/// <summary>A choice of a filter drop-down (Radzen reads Text and Value by reflection, so the type must be concrete).</summary>
public sealed record Option<T>(string Text, T Value);
