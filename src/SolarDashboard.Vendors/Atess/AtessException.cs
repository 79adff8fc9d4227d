namespace SolarDashboard.Vendors.Atess;

/// <summary>The one exception an <see cref="AtessClient"/> throws: every failure, typed.</summary>
public sealed class AtessException(AtessError error) : Exception(error.Message)
{
    public AtessError Error { get; } = error;
}
