using MudBlazor;
using SolarDashboard.Core.Connections;

namespace SolarDashboard.Components.Shared;

/// <summary>How a connection's state reads to a plant owner: a short label, a chip colour and one plain sentence.</summary>
public static class ConnectionStateDisplay
{
    public static (string Label, Color Color, string Explanation) Describe(ConnectionState state) => state switch
    {
        ConnectionState.Connected => ("Connected", Color.Success, "Signed in at the vendor."),
        ConnectionState.Pending => ("Not tried yet", Color.Info, "Saved; the first sign-in has not run yet."),
        ConnectionState.CredentialsRejected => ("Credentials rejected", Color.Error,
            "The vendor refused the user name or password. No further logins are tried until they are changed."),
        ConnectionState.NeedsReauthorization => ("Needs re-authorization", Color.Warning,
            "The owner's consent has expired or was revoked. Connect the account again."),
        ConnectionState.Unreachable => ("Unreachable", Color.Warning, "The vendor could not be reached. The last good data is kept."),
        ConnectionState.Disconnected => ("Disconnected", Color.Default,
            "Access was removed and the tokens deleted. The history already fetched stays until it is deleted."),
        _ => (state.ToString(), Color.Default, ""),
    };

    public static string VendorName(Vendor vendor) => vendor switch
    {
        Vendor.FusionSolar => "Huawei FusionSolar",
        Vendor.Atess => "ATESS",
        Vendor.Redex => "REDEX",
        _ => vendor.ToString(),
    };

    public static string AuthModeName(AuthMode mode) => mode == AuthMode.ApiAccount ? "API account" : "Owner consent (OAuth)";
}
