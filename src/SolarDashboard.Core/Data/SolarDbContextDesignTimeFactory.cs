using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace SolarDashboard.Core.Data;

/// <summary>
/// Lets <c>dotnet ef migrations add Name --project src/SolarDashboard.Core</c> build the model without starting the app.
/// The data source is never opened for adding a migration.
/// </summary>
internal sealed class SolarDbContextDesignTimeFactory : IDesignTimeDbContextFactory<SolarDbContext>
{
    public SolarDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SolarDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
