namespace SolarDashboard.Components.Shared;

/// <summary>Which way energy moves on a leg of the flow picture, seen from the hub (the home's connection point).</summary>
public enum FlowDirection { None, In, Out }
