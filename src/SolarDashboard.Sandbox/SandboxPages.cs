using System.Net;
using System.Text;

namespace SolarDashboard.Sandbox;

/// <summary>What the sandbox's two sign-in pages (FusionSolar consent, OpenID Connect) share: the page shell and the redirect back.</summary>
internal static class SandboxPages
{
    public static string E(string? s) => WebUtility.HtmlEncode(s ?? "");

    /// <summary>The redirect URI with the answer's query and, when the request had one, its state.</summary>
    public static string RedirectWith(string redirectUri, string query, string? state) =>
        redirectUri + (redirectUri.Contains('?') ? "&" : "?") + query + (string.IsNullOrEmpty(state) ? "" : "&state=" + Uri.EscapeDataString(state));

    /// <summary>A sign-in form page: a heading, a note, an optional error, user name and password, then the page's own fields.</summary>
    public static IResult SignInForm(string title, string heading, string note, string userLabel, string? user, string? error, string fields, string extraCss = "")
    {
        var html = $$"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,">
            <title>{{E(title)}}</title>
            <style>
              body { font-family: system-ui, sans-serif; background: #eef2f5; display: flex; justify-content: center; padding: 2rem 1rem; color: #1d2733; }
              form { background: #fff; border-radius: 12px; padding: 1.5rem; max-width: 26rem; width: 100%; box-shadow: 0 2px 12px #0002; }
              h1 { font-size: 1.25rem; margin: 0 0 .25rem; } p.note { color: #5a6773; margin-top: 0; font-size: .9rem; }
              label { display: block; margin: .75rem 0 .25rem; font-weight: 600; }
              input[type=text], input[type=password] { width: 100%; padding: .55rem; box-sizing: border-box; border: 1px solid #b9c3cc; border-radius: 6px; font-size: 1rem; }
              .error { color: #b00020; font-weight: 600; }
              button { padding: .7rem; border-radius: 6px; border: 0; font-size: 1rem; cursor: pointer; }
              {{extraCss}}
            </style></head>
            <body><form method="post">
              <h1>{{E(heading)}}</h1>
              <p class="note">{{E(note)}}</p>
              {{(error is null ? "" : $"<p class=\"error\" role=\"alert\">{E(error)}</p>")}}
              <label for="username">{{E(userLabel)}}</label><input id="username" name="username" type="text" autocomplete="username" value="{{E(user)}}">
              <label for="password">Password</label><input id="password" name="password" type="password" autocomplete="current-password">
              {{fields}}
            </form></body></html>
            """;
        return Results.Content(html, "text/html", Encoding.UTF8);
    }
}
