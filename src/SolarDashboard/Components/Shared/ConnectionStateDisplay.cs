using Radzen;
using SolarDashboard.Core.Connections;

namespace SolarDashboard.Components.Shared;

/// <summary>How a connection's state reads to a plant owner: a short label, a badge colour and one plain sentence.</summary>
public static class ConnectionStateDisplay
{
    public static (string Label, BadgeStyle Style, string Explanation) For(ConnectionState state) => state switch
    {
        ConnectionState.Connected => ("Connected", BadgeStyle.Success, "Signed in at the vendor."),
        ConnectionState.Pending => ("Not tried yet", BadgeStyle.Info, "Saved; the first sign-in has not run yet."),
        ConnectionState.CredentialsRejected => ("Credentials rejected", BadgeStyle.Danger,
            "The vendor refused the user name or password. No further logins are tried until they are changed."),
        ConnectionState.NeedsReauthorization => ("Needs re-authorization", BadgeStyle.Warning,
            "The owner's consent has expired or was revoked. Connect the account again."),
        ConnectionState.Unreachable => ("Unreachable", BadgeStyle.Warning, "The vendor could not be reached. The last good data is kept."),
        ConnectionState.Disconnected => ("Disconnected", BadgeStyle.Light,
            "Access was removed and the tokens deleted. The history already fetched stays until it is deleted."),
        _ => (state.ToString(), BadgeStyle.Light, ""),
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
