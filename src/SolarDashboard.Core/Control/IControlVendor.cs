using SolarDashboard.Core.Connections;
using SolarDashboard.Core.Plants;

namespace SolarDashboard.Core.Control;

/// <summary>
/// What a vendor supplies to the control ledger: its rules (validate, describe), the facts its forms need, the wire body,
/// one delivery, a status query, and the plant's own data as evidence. The ledger keeps everything else: the request
/// key, one active task per plant, the append-only audit trail, the states, the budget and the tracking loop.
/// </summary>
public interface IControlVendor
{
    Vendor Vendor { get; }

    /// <summary>Its documented rules: what the forms show and the ledger checks before sending.</summary>
    IControlRules Rules { get; }

    /// <summary>How the vendor runs a task: how often it re-evaluates one and when it gives up.</summary>
    ControlCadence Cadence { get; }

    /// <summary>Control calls a connection may make per UTC day (deliveries and status queries together).</summary>
    int CallsPerDay { get; }

    /// <summary>What the forms and the rules know of these plants (all of this vendor), before anything is sent.</summary>
    Task<IReadOnlyList<PlantControlFacts>> ReadFactsAsync(IReadOnlyList<Plant> plants, CancellationToken ct);

    /// <summary>The exact entry that will be sent for one plant, as shown for review.</summary>
    string WireEntry(PlantControlFacts plant, ControlParameters parameters);

    /// <summary>The whole delivery body, as the audit trail records it before it is sent.</summary>
    string WireBody(IReadOnlyList<PlantOrder> plants);

    /// <summary>
    /// Sends one task, once. Throws <see cref="ControlRefusedException"/> when the vendor refused it before acting (nothing
    /// happened at the plants) and <see cref="ControlVendorException"/> when the outcome is unknown; the ledger never resends.
    /// </summary>
    Task<ControlAnswer> DeliverAsync(VendorConnection connection, ControlKind kind, IReadOnlyList<PlantOrder> plants, CancellationToken ct);

    /// <summary>Where a delivered task stands at the vendor; throws <see cref="ControlVendorException"/> when that cannot be told now.</summary>
    Task<ControlAnswer> QueryAsync(VendorConnection connection, ControlKind kind, string vendorTaskId, CancellationToken ct);

    /// <summary>The plant's latest own data: what shows whether a task arrived and whether it had its effect.</summary>
    Task<IControlEvidence> ReadEvidenceAsync(int plantId, CancellationToken ct);
}
