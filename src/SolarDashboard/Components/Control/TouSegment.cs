namespace SolarDashboard.Components.Control;

/// <summary>One window's bar on one day of the week timeline; minutes from midnight, window numbered from 1.</summary>
public sealed record TouSegment(int Window, int StartMinute, int EndMinute, bool Charge, bool Overlaps);
