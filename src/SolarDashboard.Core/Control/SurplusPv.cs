namespace SolarDashboard.Core.Control;

/// <summary>What surplus PV power does first in a time-of-use mode.</summary>
public enum SurplusPv { FeedToGrid, Charge }
