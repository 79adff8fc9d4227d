namespace SolarDashboard.Sandbox;

public enum FlowControlMode { Faithful, Relaxed }
