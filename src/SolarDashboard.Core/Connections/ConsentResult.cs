namespace SolarDashboard.Core.Connections;

/// <summary>How a consent ended: the connection it made or renewed, or why not.</summary>
public sealed record ConsentResult(ConsentFailure Failure, ConsentPurpose Purpose, int? ConnectionId, string? Detail = null)
{
    public bool Succeeded => Failure == ConsentFailure.None;
}
