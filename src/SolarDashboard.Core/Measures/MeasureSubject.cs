namespace SolarDashboard.Core.Measures;

/// <summary>Which part of the plant's energy balance a measure describes: it decides which device roles count for it.</summary>
public enum MeasureSubject { Pv, Battery, Grid, Load, Plant }
