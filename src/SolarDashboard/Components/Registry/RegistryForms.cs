namespace SolarDashboard.Components.Registry;

/// <summary>The admin's two forms: a REDEX account and an inverter's registration, with their checks in words.</summary>
public sealed class RegistryForms
{
    public string AccountName { get; set; } = "REDEX";
    public string BaseUrl { get; set; } = "";
    public string ApiKey { get; set; } = "";
    public string ClientId { get; set; } = "";
    public string ClientSecret { get; set; } = "";

    public int? AccountId { get; set; }
    public int? DeviceId { get; set; }
    public string RemoteInvId { get; set; } = "";
    public DateTime? StartDate { get; set; }

    /// <summary>What the form lacks; the address itself is checked by the server's outbound address rules on saving.</summary>
    public string? AccountError =>
        string.IsNullOrWhiteSpace(AccountName) || string.IsNullOrWhiteSpace(ApiKey) || string.IsNullOrWhiteSpace(ClientId) || string.IsNullOrWhiteSpace(ClientSecret)
            ? "Enter a name, the API key, the client id and the secret."
            : string.IsNullOrWhiteSpace(BaseUrl) ? "Enter the REDEX address, such as https://api.redex.eco/." : null;

    public string? RegistrationError =>
        AccountId is null ? "Choose the REDEX account." :
        DeviceId is null ? "Choose the inverter." :
        string.IsNullOrWhiteSpace(RemoteInvId) ? "Enter the RemoteInvId REDEX gave this inverter." :
        StartDate is null ? "Enter the first day to send." : null;

    public DateOnly Start => DateOnly.FromDateTime(StartDate ?? DateTime.MinValue);

    public void ClearSecrets() => (ApiKey, ClientSecret) = ("", "");

    public void ClearRegistration() => (DeviceId, RemoteInvId, StartDate) = (null, "", null);
}
