using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using SolarDashboard.Core.Connections;

namespace SolarDashboard.Core.Data;

/// <summary>The SQLite cache. Its schema is created and changed by migrations only (Data/Migrations).</summary>
public sealed class SolarDbContext(DbContextOptions<SolarDbContext> options) : DbContext(options)
{
    public DbSet<VendorConnection> Connections => Set<VendorConnection>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<VendorConnection>(e =>
        {
            e.ToTable("Connections");
            e.Property(c => c.Name).HasMaxLength(200);
            e.Property(c => c.BaseUrl).HasMaxLength(500);
            e.Property(c => c.UserName).HasMaxLength(200);
            e.Property(c => c.Vendor).HasConversion<string>().HasMaxLength(20);
            e.Property(c => c.AuthMode).HasConversion<string>().HasMaxLength(20);
            e.Property(c => c.State).HasConversion<string>().HasMaxLength(30);
        });
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite has no DateTimeOffset type: store UTC ticks, which sort and compare correctly.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}
