using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SolarDashboard.Core.Connections;
using SolarDashboard.Core.Control;
using SolarDashboard.Core.Data;
using SolarDashboard.Core.Plants;
using SolarDashboard.Vendors.FusionSolar.Sync;

namespace SolarDashboard.Vendors.FusionSolar.Control;

/// <summary>
/// FusionSolar's part of the control ledger (reference 5.2): its rules, the plants' facts, the wire bodies, one delivery
/// and the status queries through the connection's one session, and the plant's data as evidence. Errors become the
/// ledger's: refused before processing (nothing happened), or an unknown outcome.
/// </summary>
public sealed class FusionSolarControl(FusionSolarSessions sessions, ControlFactsReader facts, IDbContextFactory<SolarDbContext> dbFactory) : IControlVendor
{
    /// <summary>The vendor re-evaluates a task every 3 minutes and times it out after 24 hours (5.2.2).</summary>
    public static readonly ControlCadence Schedule = new(TimeSpan.FromMinutes(3), TimeSpan.FromSeconds(20), TimeSpan.FromHours(24));

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public Vendor Vendor => Vendor.FusionSolar;

    public IControlRules Rules { get; } = new FusionSolarControlRules();

    public ControlCadence Cadence => Schedule;

    /// <summary>An owner's 100 control calls per UTC day (reference 4.1).</summary>
    public int CallsPerDay => FusionSolarPlanner.OAuthControlPerDay;

    public Task<IReadOnlyList<PlantControlFacts>> ReadFactsAsync(IReadOnlyList<Plant> plants, CancellationToken ct) => facts.ReadAsync(plants, ct);

    public string WireEntry(PlantControlFacts plant, ControlParameters parameters) => ControlWire.Task(plant.PlantCode, parameters).ToJsonString(Json);

    public string WireBody(IReadOnlyList<PlantOrder> plants) => ControlWire.DeliveryBody(plants.Select(p => (p.PlantKey, p.Parameters))).ToJsonString(Json);

    public async Task<ControlAnswer> DeliverAsync(VendorConnection connection, ControlKind kind, IReadOnlyList<PlantOrder> plants, CancellationToken ct)
    {
        var (api, path) = ControlWire.DeliveryApi(kind);
        var body = ControlWire.DeliveryBody(plants.Select(p => (p.PlantKey, p.Parameters)));
        try
        {
            return ControlWire.ParseDelivery(kind, await sessions.For(connection).Client.ControlAsync(api, path, body, ct));
        }
        catch (FusionSolarException ex) when (ex.Error.Kind is FusionSolarErrorKind.NoPermission or FusionSolarErrorKind.RateLimited or FusionSolarErrorKind.GatewayThrottled
                                               or FusionSolarErrorKind.CredentialsRejected or FusionSolarErrorKind.ReauthorizationRequired or FusionSolarErrorKind.SessionExpired)
        {
            throw new ControlRefusedException($"{ex.Error.Kind}: {ex.Error.Message}", ex.Error.Message, ex);
        }
        catch (FusionSolarException ex)
        {
            throw new ControlVendorException(ex.Error.Message, ex);
        }
    }

    public async Task<ControlAnswer> QueryAsync(VendorConnection connection, ControlKind kind, string vendorTaskId, CancellationToken ct)
    {
        var (api, path) = ControlWire.QueryApi(kind);
        try
        {
            return ControlWire.ParseQuery(kind, await sessions.For(connection).Client.ControlAsync(api, path, ControlWire.QueryBody(kind, vendorTaskId), ct));
        }
        catch (FusionSolarException ex)
        {
            throw new ControlVendorException($"{ex.Error.Kind}: {ex.Error.Message}", ex);
        }
    }

    public async Task<IControlEvidence> ReadEvidenceAsync(int plantId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await PlantEvidence.ReadAsync(db, plantId, ct);
    }
}
