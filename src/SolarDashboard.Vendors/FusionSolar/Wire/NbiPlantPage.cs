namespace SolarDashboard.Vendors.FusionSolar.Wire;

public sealed record NbiPlantPage(IReadOnlyList<NbiPlant> Plants, int Total, int PageNo, int PageCount);
