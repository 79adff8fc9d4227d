namespace SolarDashboard.Core.Queries;

/// <summary>A plant as <see cref="PeerComparison"/> sees it: where it is and its specific yield today.</summary>
public sealed record PeerCandidate(int PlantId, double Latitude, double Longitude, double KwhPerKwp);
