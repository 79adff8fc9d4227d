using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace SolarDashboard.E2E;

/// <summary>
/// Sign-in and the FusionSolar owner consent in Chromium: Anna signs in, connects her FusionSolar account through the
/// sandbox's consent page and lands on her plant; Ben, signed in next, does not see it, not even by its address.
/// </summary>
public sealed class OwnerConsentTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private static string Shot(string name) => Path.Combine(BrowserFixture.ScreenshotDirectory, name);

    [Fact]
    public async Task Anna_connects_fusionsolar_and_sees_her_plant_and_ben_does_not()
    {
        var (context, page, errors) = await fixture.OpenAsync(user: "owner-anna");
        await using (context)
        {
            await page.GotoAsync("/connections");
            await Assertions.Expect(page.GetByTestId("signed-in-user")).ToContainTextAsync("Anna Owner");
            await page.ScreenshotAsync(new() { Path = Shot("connections-owner-empty-light-desktop.png"), FullPage = true });
            await page.GetByTestId("connect-fusionsolar").ClickAsync();

            // The sandbox's FusionSolar page: sign in as the owner and allow both permission sets.
            await page.WaitForURLAsync(new Regex("/sandbox/fusionsolar-oauth/.*/authorize"));
            await page.GetByLabel("Account").FillAsync("owner-anna");
            await page.GetByLabel("Password").FillAsync("demo");
            await page.ScreenshotAsync(new() { Path = Shot("consent-sandbox-page.png"), FullPage = true });
            await page.GetByRole(AriaRole.Button, new() { Name = "Authorize" }).ClickAsync();

            await page.WaitForURLAsync(new Regex("/plants\\?connected=\\d+$"));
            await Assertions.Expect(page.GetByTestId("connected-banner")).ToBeVisibleAsync();
            var link = page.GetByRole(AriaRole.Link, new() { Name = "Anna's Home" });
            await Assertions.Expect(link).ToBeVisibleAsync(new() { Timeout = 60_000 });
            await page.ScreenshotAsync(new() { Path = Shot("plants-after-consent-light-desktop.png"), FullPage = true });
            var plantPath = "/" + (await link.GetAttributeAsync("href"))!.TrimStart('/');

            await page.GotoAsync("/connections");
            await Assertions.Expect(page.GetByText("Battery and feed-in control allowed")).ToBeVisibleAsync();
            await page.ScreenshotAsync(new() { Path = Shot("connections-owner-light-desktop.png"), FullPage = true });
            BrowserFixture.AssertNoErrors(errors);

            var (benContext, ben, benErrors) = await fixture.OpenAsync(user: "owner-ben", dark: true);
            await using (benContext)
            {
                await ben.GotoAsync("/plants");
                await Assertions.Expect(ben.GetByRole(AriaRole.Heading, new() { Name = "Plants", Level = 1, Exact = true })).ToBeVisibleAsync();
                await Assertions.Expect(ben.GetByText("Anna's Home")).ToHaveCountAsync(0);
                await ben.GotoAsync(plantPath);
                await Assertions.Expect(ben.GetByText("Not found")).ToBeVisibleAsync();
                await Assertions.Expect(ben.GetByText("Anna's Home")).ToHaveCountAsync(0);
                await ben.ScreenshotAsync(new() { Path = Shot("plant-of-another-owner-dark-desktop.png"), FullPage = true });
                BrowserFixture.AssertNoErrors(benErrors);
            }
        }
    }

    [Fact]
    public async Task Denied_consent_explains_itself_and_sign_out_ends_the_session()
    {
        var (context, page, errors) = await fixture.OpenAsync(width: 390, height: 844, user: "owner-ben");
        await using (context)
        {
            await page.GotoAsync("/connections");
            await page.GetByTestId("connect-fusionsolar").ClickAsync();
            await page.WaitForURLAsync(new Regex("/authorize"));
            await page.GetByRole(AriaRole.Button, new() { Name = "Deny" }).ClickAsync();
            await page.WaitForURLAsync(new Regex("/connections/fusionsolar/failed\\?reason=Denied"));
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "You did not allow access" })).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByTestId("consent-retry")).ToBeVisibleAsync();
            await page.ScreenshotAsync(new() { Path = Shot("consent-denied-light-phone.png"), FullPage = true });

            await page.GetByTestId("sign-out").ClickAsync();
            await page.WaitForURLAsync(new Regex("/account/signed-out$"));
            await Assertions.Expect(page.GetByText("You are signed out")).ToBeVisibleAsync();
            await page.ScreenshotAsync(new() { Path = Shot("signed-out-light-phone.png"), FullPage = true });
            await page.GotoAsync("/plants");
            await page.WaitForURLAsync(new Regex("/sandbox/idp/authorize"));
            BrowserFixture.AssertNoErrors(errors);
        }
    }

    [Fact]
    public async Task The_admin_sees_users_and_the_api_account_form()
    {
        var (context, page, errors) = await fixture.OpenAsync();
        await using (context)
        {
            await page.GotoAsync("/connections");
            await BrowserFixture.WaitForCircuitAsync(page);
            await page.GetByTestId("add-api-account").ClickAsync();
            await page.GetByTestId("aa-user").FillAsync("demo-installer");
            await page.GetByTestId("aa-code").FillAsync("wrong-password");
            await page.GetByTestId("aa-save").ClickAsync();
            await Assertions.Expect(page.GetByTestId("aa-result")).ToContainTextAsync("Nothing was saved");
            await page.ScreenshotAsync(new() { Path = Shot("connections-admin-api-form-light-desktop.png"), FullPage = true });

            await page.GotoAsync("/users");
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Adam Admin" })).ToBeVisibleAsync();
            await page.ScreenshotAsync(new() { Path = Shot("users-light-desktop.png"), FullPage = true });
            BrowserFixture.AssertNoErrors(errors);
        }
    }
}
