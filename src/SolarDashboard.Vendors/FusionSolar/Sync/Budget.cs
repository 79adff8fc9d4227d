namespace SolarDashboard.Vendors.FusionSolar.Sync;

/// <summary>A budget: at most <see cref="Limit"/> calls per fixed <see cref="Window"/>; <see cref="Bucket"/> names what shares it.</summary>
public sealed record Budget(string Bucket, TimeSpan Window, int Limit);
