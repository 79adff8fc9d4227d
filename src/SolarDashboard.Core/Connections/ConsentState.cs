namespace SolarDashboard.Core.Connections;

/// <summary>
/// An OAuth consent in flight: the hash of the <c>state</c> sent to the vendor, bound to the user and their sign-in
/// session, valid 10 minutes and deleted when used (single use).
/// </summary>
public sealed class ConsentState
{
    public int Id { get; set; }
    public required string StateHash { get; set; }
    public int UserId { get; set; }
    public required string SessionId { get; set; }
    public ConsentPurpose Purpose { get; set; }
    public int? ConnectionId { get; set; }
    public required string RedirectUri { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
}
