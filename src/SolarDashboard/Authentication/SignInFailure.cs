using Microsoft.AspNetCore.Authentication;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace SolarDashboard.Authentication;

/// <summary>
/// Why a sign-in failed, as one of a few codes in the failure page's address, and the page's text for each. The page
/// never shows the reason it was given: anyone can put text in that address.
/// </summary>
public static class SignInFailure
{
    public const string Denied = "denied";
    public const string Expired = "expired";
    public const string Rejected = "rejected";
    public const string Provider = "provider";
    public const string Unavailable = "unavailable";

    /// <summary>The code for a failure of the OpenID Connect handler.</summary>
    public static string Code(Exception? failure) => failure switch
    {
        OpenIdConnectProtocolException e when Equals(e.Data["error"], "access_denied") => Denied,
        // Nonce, at_hash and the like: the provider's answer does not belong to this sign-in.
        OpenIdConnectProtocolInvalidNonceException or OpenIdConnectProtocolInvalidAtHashException or OpenIdConnectProtocolInvalidCHashException => Rejected,
        SecurityTokenException => Rejected,
        OpenIdConnectProtocolException => Provider,
        HttpRequestException or TaskCanceledException or IOException => Unavailable,
        // Discovery that could not be read (IdentityModel wraps it).
        InvalidOperationException e when e.Message.StartsWith("IDX20803", StringComparison.Ordinal) => Unavailable,
        // The handler's own refusals of a state it cannot read or whose correlation cookie is gone (expired, replayed,
        // or started in another browser).
        AuthenticationFailureException e when e.Message.Contains("Correlation", StringComparison.Ordinal) || e.Message.Contains("state", StringComparison.OrdinalIgnoreCase) => Expired,
        _ => Provider,
    };

    public static string Text(string? code) => code switch
    {
        Denied => "The sign-in was cancelled or refused at the identity provider.",
        Expired => "The sign-in took too long or was started in another browser window. Start again from here.",
        Rejected => "The identity provider's answer did not pass the dashboard's checks, so nobody was signed in. Start again; if it happens again, tell your administrator.",
        Provider => "The identity provider refused to complete the sign-in. Start again; if it happens again, tell your administrator.",
        Unavailable => "The identity provider could not be reached. Try again in a moment.",
        _ => "Something went wrong while signing in.",
    };
}
