namespace SolarDashboard.Vendors.FusionSolar;

public sealed class FusionSolarException(FusionSolarError error) : Exception(error.Message)
{
    public FusionSolarError Error { get; } = error;
}
