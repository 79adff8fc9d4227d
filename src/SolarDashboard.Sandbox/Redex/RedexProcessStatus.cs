namespace SolarDashboard.Sandbox.Redex;

/// <summary>States of a submission's asynchronous processing, as the status query spells them.</summary>
public enum RedexProcessStatus { New, Processing, Success, Failed }
