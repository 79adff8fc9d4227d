using System.Text.Json;

namespace SolarDashboard.Core.Control;

/// <summary>How the ledger stores parameters (our JSON of the request, not the vendor's wire form).</summary>
public static class ControlJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string Write(ControlParameters parameters) => JsonSerializer.Serialize(parameters, Options);

    public static ControlParameters Read(string json) => JsonSerializer.Deserialize<ControlParameters>(json, Options)!;
}
