namespace SolarDashboard.Core.Queries;

public sealed record AlarmCounts(int Critical, int Major, int Minor, int Warning)
{
    public int Total => Critical + Major + Minor + Warning;
}
