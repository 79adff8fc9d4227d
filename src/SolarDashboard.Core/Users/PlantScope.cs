namespace SolarDashboard.Core.Users;

/// <summary>
/// The plants a user may see. Every read of plant data takes one, so a plant outside it is simply "not found" — in pages,
/// endpoints and live updates alike.
/// </summary>
public sealed class PlantScope
{
    private readonly IReadOnlySet<int>? _plantIds;

    private PlantScope(IReadOnlySet<int>? plantIds) => _plantIds = plantIds;

    /// <summary>Every plant: admins, and background work that is not on behalf of a person.</summary>
    public static PlantScope All { get; } = new(null);

    public static PlantScope None { get; } = new(new HashSet<int>());

    public static PlantScope Of(IEnumerable<int> plantIds) => new(plantIds.ToHashSet());

    public bool IsAll => _plantIds is null;

    public IReadOnlySet<int>? PlantIds => _plantIds;

    public bool Allows(int plantId) => _plantIds is null || _plantIds.Contains(plantId);

    /// <summary>The requested plants (all when null) cut down to this scope; null means "no restriction".</summary>
    public IReadOnlyCollection<int>? Restrict(IReadOnlyCollection<int>? requested) =>
        _plantIds is null ? requested : requested is null ? _plantIds : requested.Where(_plantIds.Contains).ToList();
}
