using System.Net;
using System.Web;
using SolarDashboard.Authentication;

namespace SolarDashboard.Tests.Web.SignIn;

/// <summary>An HTTP client that keeps cookies like a browser and never follows redirects by itself.</summary>
public sealed class Browser : IDisposable
{
    public Browser(HttpMessageHandler server)
    {
        Client = new HttpClient(new CookieHandler(Cookies) { InnerHandler = server }) { BaseAddress = new Uri("http://localhost/") };
    }

    public HttpClient Client { get; }
    public CookieContainer Cookies { get; } = new();

    /// <summary>The sign-in cookie, if the browser holds one.</summary>
    public string? SignInCookie => Cookies.GetCookies(Client.BaseAddress!).FirstOrDefault(c => c.Name.StartsWith(AuthenticationSetup.CookieName, StringComparison.Ordinal))?.Value;

    /// <summary>
    /// Opens /account/signin?returnUrl=… and returns the authorization request the app sent the browser to, with the
    /// code the provider's sign-in page would hand back.
    /// </summary>
    public async Task<AuthorizationRequest> StartSignInAsync(TestIdentityProvider provider, string returnUrl = "/")
    {
        using var signIn = await Client.GetAsync("/account/signin?returnUrl=" + Uri.EscapeDataString(returnUrl));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var location = signIn.Headers.Location!;
        Assert.StartsWith(TestIdentityProvider.Issuer + "/authorize?", location.ToString());
        var q = HttpUtility.ParseQueryString(location.Query);
        return new AuthorizationRequest(location, q["state"]!, q["nonce"]!, q["redirect_uri"]!, provider.IssueCode(q["code_challenge"]!));
    }

    /// <summary>The provider sends the browser back to the app's callback with the code; returns the app's answer.</summary>
    public Task<HttpResponseMessage> ReturnFromProviderAsync(AuthorizationRequest request) =>
        Client.GetAsync(new Uri(request.RedirectUri).PathAndQuery.TrimEnd('?') + "?code=" + request.Code + "&state=" + Uri.EscapeDataString(request.State));

    public void Dispose() => Client.Dispose();

    private sealed class CookieHandler(CookieContainer jar) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var uri = request.RequestUri!;
            var header = jar.GetCookieHeader(uri);
            if (header.Length > 0) request.Headers.Add("Cookie", header);
            var response = await base.SendAsync(request, cancellationToken);
            if (response.Headers.TryGetValues("Set-Cookie", out var values))
                foreach (var value in values) jar.SetCookies(uri, value);
            return response;
        }
    }
}
