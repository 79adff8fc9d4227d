using SolarDashboard.Core.Connections;

namespace SolarDashboard.Components.Connections;

/// <summary>Each way a FusionSolar consent can fail, in words an owner can act on.</summary>
public static class ConsentFailureText
{
    public static (string Title, string Text) For(ConsentFailure failure) => failure switch
    {
        ConsentFailure.Denied => ("You did not allow access",
            "FusionSolar reports that access was denied, so nothing was connected. If that was a mistake, try again and choose \"Authorize\"."),
        ConsentFailure.InvalidScope => ("FusionSolar did not accept the requested permissions",
            "The permission sets this dashboard asked for are not enabled for its FusionSolar client. An administrator should check the OAuth client's scopes with FusionSolar. You can try again afterwards."),
        ConsentFailure.CodeRejected => ("The authorization ran out before it was used",
            "FusionSolar's authorization code is valid for 5 minutes and only once. It had expired or was already used. Try again: it takes a few seconds."),
        ConsentFailure.InvalidClient => ("This dashboard's FusionSolar client was not accepted",
            "FusionSolar does not accept the client ID or client secret this installation is configured with. An administrator needs to correct FusionSolar:OAuth:ClientId and ClientSecret. Nothing was connected."),
        ConsentFailure.UnsupportedGrantType => ("FusionSolar refused the token request",
            "FusionSolar answered \"unsupported grant type\". This is a problem on the dashboard's side or at FusionSolar, not with your account. Try again later; if it persists, tell an administrator."),
        ConsentFailure.BadState => ("This authorization could not be matched to you",
            "The answer from FusionSolar did not belong to a consent you started in this session, or it was already used. For your safety it was ignored. Start again from the Connections page."),
        ConsentFailure.ExpiredState => ("The authorization took too long",
            "More than 10 minutes passed between leaving for FusionSolar and coming back, so the answer was ignored. Start again."),
        ConsentFailure.NotConfigured => ("FusionSolar sign-in is not set up",
            "No FusionSolar OAuth client is configured for this installation. An administrator needs to set FusionSolar:OAuth:ClientId and ClientSecret."),
        _ => ("FusionSolar could not complete the authorization",
            "FusionSolar could not be reached or answered with an error. Nothing was connected. Try again in a moment."),
    };
}
