using System.Net;
using System.Text.RegularExpressions;

namespace SolarDashboard.Testing;

/// <summary>
/// A signed-in HTTP session against the running app, the way a browser gets one: the app's sign-in redirect, the sandbox
/// identity provider's sign-in form, the callback, cookies kept between requests. Redirects are followed by hand so a
/// test can stop at any step.
/// </summary>
public sealed partial class BrowserlessSession : IDisposable
{
    private BrowserlessSession(Uri baseAddress)
    {
        Cookies = new CookieContainer();
        Client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = Cookies }) { BaseAddress = baseAddress };
    }

    public HttpClient Client { get; }
    public CookieContainer Cookies { get; }

    /// <summary>A session with no sign-in yet.</summary>
    public static BrowserlessSession Anonymous(Uri baseAddress) => new(baseAddress);

    /// <summary>Signs in as a sandbox identity provider user (password "demo") and returns the session.</summary>
    public static async Task<BrowserlessSession> SignInAsync(Uri baseAddress, string user, string password = "demo")
    {
        var session = new BrowserlessSession(baseAddress);
        var landed = await session.SignInAsync(user, password, "/");
        if (landed.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"Sign-in as {user} ended with {(int)landed.StatusCode}");
        return session;
    }

    /// <summary>Runs the whole sign-in from /account/signin?returnUrl=…; returns the final answer after the redirects.</summary>
    public async Task<HttpResponseMessage> SignInAsync(string user, string password, string returnUrl)
    {
        var idpPage = await FollowAsync(await Client.GetAsync("/account/signin?returnUrl=" + Uri.EscapeDataString(returnUrl)));
        var html = await idpPage.Content.ReadAsStringAsync();
        var form = HiddenFields(html);
        form["username"] = user;
        form["password"] = password;
        var posted = await Client.PostAsync(new Uri(idpPage.RequestMessage!.RequestUri!, FormAction(html)), new FormUrlEncodedContent(form));
        return await FollowAsync(posted);
    }

    /// <summary>Follows redirects (any host: the sandbox lives in the same app) until an answer that is not one.</summary>
    public async Task<HttpResponseMessage> FollowAsync(HttpResponseMessage response, int max = 10)
    {
        for (var i = 0; i < max && (int)response.StatusCode is >= 300 and < 400; i++)
        {
            var next = new Uri(response.RequestMessage!.RequestUri!, response.Headers.Location!);
            response.Dispose();
            response = await Client.GetAsync(next);
        }
        return response;
    }

    /// <summary>Posts a form the way the page at <paramref name="page"/> would: with that page's anti-forgery token.</summary>
    public async Task<HttpResponseMessage> PostFormFromAsync(string page, string action, IDictionary<string, string> fields)
    {
        var html = await Client.GetStringAsync(page);
        var form = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = AntiforgeryToken().Match(html).Groups[1].Value };
        return await Client.PostAsync(action, new FormUrlEncodedContent(form));
    }

    /// <summary>
    /// Connects the signed-in owner's FusionSolar account: the connect form, the sandbox consent page (signed in as
    /// <paramref name="owner"/>, both permission sets allowed), the callback. Returns where the app landed the owner.
    /// </summary>
    public async Task<string> ConnectFusionSolarAsync(string owner)
    {
        using var start = await PostFormFromAsync("/connections", "/connections/fusionsolar/connect", new Dictionary<string, string> { ["purpose"] = "Connect" });
        var authorize = start.Headers.Location ?? throw new InvalidOperationException($"The connect form answered {(int)start.StatusCode}.");
        var fields = HiddenFields(await Client.GetStringAsync(authorize)).ToList();
        fields.AddRange([new("username", owner), new("password", "demo"), new("decision", "allow"), new("scope", "pvms.openapi.basic"), new("scope", "pvms.openapi.control")]);
        using var approved = await Client.PostAsync(authorize, new FormUrlEncodedContent(fields));
        using var landed = await Client.GetAsync(approved.Headers.Location);
        return landed.Headers.Location?.OriginalString ?? throw new InvalidOperationException("The consent callback did not redirect.");
    }

    public static Dictionary<string, string> HiddenFields(string html) =>
        HiddenInput().Matches(html).ToDictionary(m => m.Groups["name"].Value, m => WebUtility.HtmlDecode(m.Groups["value"].Value));

    public static string FormAction(string html) => FormTag().Match(html) is { Success: true } m && m.Groups["action"].Value.Length > 0
        ? WebUtility.HtmlDecode(m.Groups["action"].Value) : "";

    public void Dispose() => Client.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>[^\"]+)\" value=\"(?<value>[^\"]*)\"")]
    private static partial Regex HiddenInput();

    [GeneratedRegex("<form[^>]*?(?:action=\"(?<action>[^\"]*)\")?[^>]*>")]
    private static partial Regex FormTag();
}
