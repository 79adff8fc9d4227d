using Microsoft.EntityFrameworkCore;
using SolarDashboard.Core.Data;
using SolarDashboard.Core.Users;

namespace SolarDashboard.Core.Revenue;

/// <summary>
/// Reads and stores plants' tariffs. Anyone who sees a plant sees its tariff; an admin or an owner who sees the plant
/// may change it (an operator runs the plant, it is not their money).
/// </summary>
public sealed class TariffService(IDbContextFactory<SolarDbContext> dbFactory, TimeProvider time)
{
    public static bool MayEdit(UserAccess user, int plantId) => user.Plants.Allows(plantId) && (user.IsAdmin || user.IsOwner);

    public async Task<PlantTariff?> GetAsync(PlantScope scope, int plantId, CancellationToken ct = default)
    {
        if (!scope.Allows(plantId)) return null;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.PlantTariffs.AsNoTracking().SingleOrDefaultAsync(t => t.PlantId == plantId, ct);
    }

    /// <summary>Stores a tariff that passes <see cref="TariffRules"/>; returns the problems otherwise (nothing stored).</summary>
    /// <exception cref="AccessDeniedException">The user may not change this plant's tariff.</exception>
    public async Task<IReadOnlyDictionary<string, string>> SaveAsync(UserAccess user, int plantId, TariffInput input, CancellationToken ct = default)
    {
        if (!MayEdit(user, plantId)) throw new AccessDeniedException("Only an admin or the plant's owner may set its tariff.");
        var errors = TariffRules.Check(input);
        if (errors.Count > 0) return errors;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var tariff = TariffRules.ToTariff(plantId, input, time.GetUtcNow());
        var stored = await db.PlantTariffs.SingleOrDefaultAsync(t => t.PlantId == plantId, ct);
        if (stored is null) db.PlantTariffs.Add(tariff);
        else db.Entry(stored).CurrentValues.SetValues(tariff);
        await db.SaveChangesAsync(ct);
        return errors;
    }
}
