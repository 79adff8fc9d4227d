using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using SolarDashboard.Core.Users;

namespace SolarDashboard.Authentication;

/// <summary>What the dashboard adds to the framework's OpenID Connect handler: its own user record, principal and failure page.</summary>
internal static class SignInEvents
{
    /// <summary>
    /// The id_token passed the handler's checks; the nonce is checked after this event, so nothing is recorded yet. Kept
    /// (inside the encrypted cookie): the id_token, as the hint for the provider's end-session endpoint, and the refresh
    /// token when roles come from the provider, to re-check them (<see cref="ProviderSessions"/>).
    /// </summary>
    public static Task KeepIdTokenAsync(TokenValidatedContext context)
    {
        var idToken = context.TokenEndpointResponse?.IdToken;
        if (string.IsNullOrEmpty(idToken))
        {
            context.Fail("The identity provider returned no id_token (is the 'openid' scope allowed?).");
            return Task.CompletedTask;
        }
        List<AuthenticationToken> keep = [new() { Name = OpenIdConnectParameterNames.IdToken, Value = idToken }];
        var rolesFromProvider = !string.IsNullOrWhiteSpace(context.HttpContext.RequestServices.GetRequiredService<IOptions<SignInOptions>>().Value.RoleClaim);
        if (rolesFromProvider && context.TokenEndpointResponse?.RefreshToken is { Length: > 0 } refreshToken)
            keep.Add(new() { Name = OpenIdConnectParameterNames.RefreshToken, Value = refreshToken });
        context.Properties!.StoreTokens(keep);
        return Task.CompletedTask;
    }

    /// <summary>Every check passed: record the user (issuer, subject) and sign in with the dashboard's own principal.</summary>
    public static async Task RecordUserAsync(TicketReceivedContext context)
    {
        var services = context.HttpContext.RequestServices;
        var idToken = context.Properties?.GetTokenValue(OpenIdConnectParameterNames.IdToken);
        if (idToken is null)
        {
            // Failing here would still sign in (the handler signs in unless the response is handled): refuse explicitly.
            context.Response.Redirect("/account/signin-failed");
            context.HandleResponse();
            return;
        }
        var settings = services.GetRequiredService<IOptions<SignInOptions>>().Value;
        var who = ProviderClaims.Read(idToken, settings);
        var user = await services.GetRequiredService<UserDirectory>().RecordSignInAsync(who, context.HttpContext.RequestAborted);
        var session = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(16));
        context.Principal = AppPrincipal.Create(user, session);
        if (!string.IsNullOrWhiteSpace(settings.RoleClaim))
            ProviderSessions.Write(context.Properties!, services.GetRequiredService<ProviderSessions>().Start(session, context.Properties!.GetTokenValue(OpenIdConnectParameterNames.RefreshToken), idToken));
        services.GetRequiredService<ILogger<OpenIdConnectHandler>>().LogInformation("User {UserId} signed in (roles: {Roles})", user.Id, user.Roles);
        // No page asked for: an owner with one plant goes straight to it.
        if (context.ReturnUri is null or "/")
            context.ReturnUri = (await services.GetRequiredService<AccessService>().ForUserAsync(user.Id, context.HttpContext.RequestAborted)).Landing;
    }

    /// <summary>A refused or broken sign-in lands on the failure page with one of a few known codes; nothing is signed in.</summary>
    public static Task ShowFailureAsync(RemoteFailureContext context)
    {
        var code = SignInFailure.Code(context.Failure);
        var logger = context.HttpContext.RequestServices.GetRequiredService<ILogger<OpenIdConnectHandler>>();
        logger.LogWarning("Sign-in failed ({Code}): {Reason}", code, OneLine(context.Failure?.Message));
        context.Response.Redirect("/account/signin-failed?reason=" + code);
        context.HandleResponse();
        return Task.CompletedTask;
    }

    /// <summary>Text from outside (a provider's error description) as one log line.</summary>
    public static string OneLine(string? text) =>
        text is null ? "" : new string([.. text.Take(300).Select(c => char.IsControl(c) ? ' ' : c)]);
}
