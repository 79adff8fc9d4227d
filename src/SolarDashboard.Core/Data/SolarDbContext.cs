using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using SolarDashboard.Core.Alarms;
using SolarDashboard.Core.Connections;
using SolarDashboard.Core.Control;
using SolarDashboard.Core.Notifications;
using SolarDashboard.Core.Plants;
using SolarDashboard.Core.Redex;
using SolarDashboard.Core.Reports;
using SolarDashboard.Core.Revenue;
using SolarDashboard.Core.Sync;
using SolarDashboard.Core.TimeSeries;
using SolarDashboard.Core.Users;

namespace SolarDashboard.Core.Data;

/// <summary>The SQLite cache. Its schema is created and changed by migrations only (Data/Migrations).</summary>
public sealed class SolarDbContext(DbContextOptions<SolarDbContext> options) : DbContext(options)
{
    public DbSet<VendorConnection> Connections => Set<VendorConnection>();
    public DbSet<Plant> Plants => Set<Plant>();
    public DbSet<Device> Devices => Set<Device>();
    public DbSet<LatestKpis> LatestKpis => Set<LatestKpis>();
    public DbSet<PlantSummaryRow> PlantSummaries => Set<PlantSummaryRow>();
    public DbSet<DeviceSeriesDay> Series => Set<DeviceSeriesDay>();
    public DbSet<KpiName> KpiNames => Set<KpiName>();
    public DbSet<PeriodReport> Reports => Set<PeriodReport>();
    public DbSet<AlarmRecord> Alarms => Set<AlarmRecord>();
    public DbSet<SyncState> SyncStates => Set<SyncState>();
    public DbSet<VendorCall> Calls => Set<VendorCall>();
    public DbSet<AppUser> Users => Set<AppUser>();
    public DbSet<PlantGrant> PlantGrants => Set<PlantGrant>();
    public DbSet<ConsentState> ConsentStates => Set<ConsentState>();
    public DbSet<ControlTaskRecord> ControlTasks => Set<ControlTaskRecord>();
    public DbSet<ControlTaskPlant> ControlTaskPlants => Set<ControlTaskPlant>();
    public DbSet<ControlTaskEvent> ControlTaskEvents => Set<ControlTaskEvent>();
    public DbSet<NotificationPreference> NotificationPreferences => Set<NotificationPreference>();
    public DbSet<NotificationRecord> Notifications => Set<NotificationRecord>();
    public DbSet<RedexAccount> RedexAccounts => Set<RedexAccount>();
    public DbSet<RedexRegistration> RedexRegistrations => Set<RedexRegistration>();
    public DbSet<RedexExportDay> RedexExportDays => Set<RedexExportDay>();
    public DbSet<PlantTariff> PlantTariffs => Set<PlantTariff>();

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
            e.Property(c => c.GrantedScopes).HasMaxLength(200);
            e.HasOne<AppUser>().WithMany().HasForeignKey(c => c.OwnerUserId).OnDelete(DeleteBehavior.SetNull);
        });
        modelBuilder.Entity<AppUser>(e =>
        {
            e.Property(u => u.Issuer).HasMaxLength(300);
            e.Property(u => u.Subject).HasMaxLength(200);
            e.Property(u => u.DisplayName).HasMaxLength(200);
            e.Property(u => u.UserName).HasMaxLength(200);
            e.Property(u => u.Email).HasMaxLength(200);
            e.Property(u => u.Roles).HasConversion<string>().HasMaxLength(60);
            e.HasIndex(u => new { u.Issuer, u.Subject }).IsUnique();
        });
        modelBuilder.Entity<PlantTariff>(e =>
        {
            e.HasKey(t => t.PlantId);
            e.Property(t => t.Currency).HasMaxLength(3);
            e.HasOne<Plant>().WithMany().HasForeignKey(t => t.PlantId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<PlantGrant>(e =>
        {
            e.HasKey(g => new { g.UserId, g.PlantId });
            e.HasIndex(g => g.PlantId);
            e.HasOne<AppUser>().WithMany().HasForeignKey(g => g.UserId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Plant>().WithMany().HasForeignKey(g => g.PlantId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<ConsentState>(e =>
        {
            e.Property(s => s.StateHash).HasMaxLength(64);
            e.Property(s => s.SessionId).HasMaxLength(64);
            e.Property(s => s.Purpose).HasConversion<string>().HasMaxLength(20);
            e.Property(s => s.RedirectUri).HasMaxLength(500);
            e.HasIndex(s => s.StateHash).IsUnique();
            e.HasOne<AppUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        });
        // The control audit keeps plain ids and names, no foreign keys: it outlives deleted connections, plants and users.
        modelBuilder.Entity<ControlTaskRecord>(e =>
        {
            e.ToTable("ControlTasks");
            e.Property(t => t.Kind).HasConversion<string>().HasMaxLength(20);
            e.Property(t => t.State).HasConversion<string>().HasMaxLength(20);
            e.Property(t => t.SubmittedByName).HasMaxLength(200);
            e.Property(t => t.RequestKey).HasMaxLength(64);
            e.Property(t => t.VendorTaskId).HasMaxLength(40);
            e.HasIndex(t => t.RequestKey).IsUnique();
            e.HasIndex(t => new { t.State, t.NextCheckAt });
        });
        modelBuilder.Entity<ControlTaskPlant>(e =>
        {
            e.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(p => p.PlantName).HasMaxLength(200);
            e.Property(p => p.PlantCode).HasMaxLength(100);
            e.Property(p => p.Effect).HasMaxLength(20);
            e.HasIndex(p => p.TaskId);
            // One task that may still act per plant: two operators (or a double-click) cannot both get one in.
            e.HasIndex(p => p.PlantId).IsUnique().HasFilter("\"Active\" = 1").HasDatabaseName("IX_ControlTaskPlants_PlantId_Active");
        });
        modelBuilder.Entity<ControlTaskEvent>(e =>
        {
            e.Property(v => v.Step).HasMaxLength(40);
            e.HasIndex(v => v.TaskId);
        });
        modelBuilder.Entity<Plant>(e =>
        {
            e.HasIndex(p => new { p.ConnectionId, p.VendorKey }).IsUnique();
            e.HasOne<VendorConnection>().WithMany().HasForeignKey(p => p.ConnectionId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<Device>(e =>
        {
            e.Property(d => d.VendorKey).HasMaxLength(100);
            e.Property(d => d.VendorType).HasMaxLength(40);
            e.Property(d => d.Role).HasConversion<string>().HasMaxLength(20);
            e.HasIndex(d => new { d.PlantId, d.VendorKey }).IsUnique();
            e.HasOne<Plant>().WithMany().HasForeignKey(d => d.PlantId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<LatestKpis>(e =>
        {
            e.HasIndex(k => k.PlantId).IsUnique();
            e.HasIndex(k => k.DeviceId).IsUnique();
            e.HasOne<Plant>().WithMany().HasForeignKey(k => k.PlantId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Device>().WithMany().HasForeignKey(k => k.DeviceId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<PlantSummaryRow>(e =>
        {
            e.ToTable("PlantSummaries");
            e.HasKey(s => s.PlantId);
            e.Property(s => s.Health).HasConversion<string>().HasMaxLength(20);
            e.Property(s => s.EnergyDate).HasMaxLength(10);
            e.HasOne<Plant>().WithMany().HasForeignKey(s => s.PlantId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<DeviceSeriesDay>(e =>
        {
            e.ToTable("DeviceSeries");
            e.HasKey(s => new { s.DeviceId, s.KpiId, s.Day });
            e.HasOne<Device>().WithMany().HasForeignKey(s => s.DeviceId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<KpiName>(e => e.HasIndex(k => k.Name).IsUnique());
        modelBuilder.Entity<PeriodReport>(e =>
        {
            e.Property(r => r.Period).HasConversion<string>().HasMaxLength(10);
            e.Property(r => r.LocalStart).HasMaxLength(20);
            e.HasIndex(r => new { r.PlantId, r.Period, r.LocalStart }).IsUnique();
            e.HasIndex(r => new { r.DeviceId, r.Period, r.LocalStart }).IsUnique();
            e.HasOne<Plant>().WithMany().HasForeignKey(r => r.PlantId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Device>().WithMany().HasForeignKey(r => r.DeviceId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<AlarmRecord>(e =>
        {
            e.HasIndex(a => new { a.PlantId, a.SerialNumber, a.AlarmId, a.RaisedAt }).IsUnique();
            e.Property(a => a.DeviceVendorType).HasMaxLength(40);
            e.HasIndex(a => a.ClearedAt);
            e.HasOne<Plant>().WithMany().HasForeignKey(a => a.PlantId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<NotificationPreference>(e =>
        {
            e.HasKey(p => p.UserId);
            e.Property(p => p.Email).HasMaxLength(200);
            e.HasOne<AppUser>().WithOne().HasForeignKey<NotificationPreference>(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<NotificationRecord>(e =>
        {
            e.ToTable("Notifications");
            e.Property(n => n.Kind).HasConversion<string>().HasMaxLength(20);
            e.Property(n => n.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(n => n.Key).HasMaxLength(100);
            e.Property(n => n.LastError).HasMaxLength(300);
            // Never twice: one row per user and alarm (or connection problem), whatever became of it.
            e.HasIndex(n => new { n.UserId, n.Key }).IsUnique();
            e.HasIndex(n => new { n.Status, n.DueAt });
            e.HasOne<AppUser>().WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<AlarmRecord>().WithMany().HasForeignKey(n => n.AlarmId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<VendorConnection>().WithMany().HasForeignKey(n => n.ConnectionId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<RedexAccount>(e =>
        {
            e.Property(a => a.Name).HasMaxLength(200);
            e.Property(a => a.BaseUrl).HasMaxLength(500);
            e.Property(a => a.ClientId).HasMaxLength(200);
        });
        modelBuilder.Entity<RedexRegistration>(e =>
        {
            e.Property(r => r.RemoteInvId).HasMaxLength(60);
            e.HasIndex(r => new { r.AccountId, r.RemoteInvId }).IsUnique();
            e.HasIndex(r => r.DeviceId).IsUnique();
            e.HasOne<RedexAccount>().WithMany().HasForeignKey(r => r.AccountId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Device>().WithMany().HasForeignKey(r => r.DeviceId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<RedexExportDay>(e =>
        {
            e.Property(x => x.State).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.HeldReason).HasMaxLength(300);
            e.Property(x => x.PeriodKwh).HasMaxLength(30);
            e.Property(x => x.AccumulatedKwh).HasMaxLength(30);
            e.Property(x => x.ProcessId).HasMaxLength(60);
            e.Property(x => x.RegistryMessage).HasMaxLength(1000);
            e.Property(x => x.RequestedBy).HasMaxLength(200);
            e.HasIndex(x => new { x.RegistrationId, x.Day, x.Version }).IsUnique();
            // One version of a day counts: a correction cannot slip in beside it.
            e.HasIndex(x => new { x.RegistrationId, x.Day }).IsUnique().HasFilter("\"IsCurrent\" = 1").HasDatabaseName("IX_RedexExportDays_Current");
            e.HasIndex(x => new { x.State, x.ProcessId });
            e.HasOne<RedexRegistration>().WithMany().HasForeignKey(x => x.RegistrationId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<SyncState>(e =>
        {
            e.HasKey(s => new { s.ConnectionId, s.DataClass });
            e.Property(s => s.DataClass).HasMaxLength(60);
            e.HasOne<VendorConnection>().WithMany().HasForeignKey(s => s.ConnectionId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<VendorCall>(e =>
        {
            e.Property(c => c.Api).HasMaxLength(60);
            e.HasIndex(c => new { c.ConnectionId, c.Api, c.At });
            e.HasOne<VendorConnection>().WithMany().HasForeignKey(c => c.ConnectionId).OnDelete(DeleteBehavior.Cascade);
        });
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite has no DateTimeOffset type: store UTC ticks, which sort and compare correctly.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}
