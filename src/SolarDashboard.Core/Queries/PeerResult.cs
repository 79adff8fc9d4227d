namespace SolarDashboard.Core.Queries;

/// <summary>
/// A plant's specific yield today beside its peers': how many there are within the radius, their median (null with too
/// few peers) and whether the plant is far below it (<see cref="PeerComparison"/>).
/// </summary>
public sealed record PeerResult(double KwhPerKwp, int PeerCount, double? PeerMedianKwhPerKwp, bool FarBelowPeers);
