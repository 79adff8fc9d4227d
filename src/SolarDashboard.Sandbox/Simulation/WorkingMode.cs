namespace SolarDashboard.Sandbox.Simulation;

public sealed record WorkingMode(
    string OperationMode,
    string? SurplusPvPriority,
    double? AllowedAcChargeKw,
    IReadOnlyList<TouWindow> Windows,
    bool SetRemotely)
{
    public const string MaxSelfConsumption = "maximumSelfConsumption";
    public const string Tou = "TOU";
    public static readonly WorkingMode Default = new(MaxSelfConsumption, null, null, [], false);
}
