using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace SolarDashboard.E2E;

/// <summary>
/// Sign-in and the FusionSolar owner consent in Chromium: Anna signs in, connects her FusionSolar account through the
/// sandbox's consent page and lands on her plant; Ben, signed in next, does not see it, not even by its address.
/// </summary>
public sealed class OwnerConsentTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Anna_connects_fusionsolar_and_sees_her_plant_and_ben_does_not()
    {
        var (context, page, errors) = await fixture.OpenAsync(user: "owner-anna");
        await using (context)
        {
            await page.GotoAsync("/connections");
            await Assertions.Expect(page.GetByTestId("signed-in-user")).ToContainTextAsync("Anna Owner");
            await BrowserFixture.ShotAsync(page, "connections-owner-empty-light-desktop");
            await page.GetByTestId("connect-fusionsolar").ClickAsync();

            // The sandbox's FusionSolar page: sign in as the owner and allow both permission sets.
            await page.WaitForURLAsync(new Regex("/sandbox/fusionsolar-oauth/.*/authorize"));
            await page.GetByLabel("Account").FillAsync("owner-anna");
            await page.GetByLabel("Password").FillAsync("demo");
            await BrowserFixture.ShotAsync(page, "consent-sandbox-page");
            await page.GetByRole(AriaRole.Button, new() { Name = "Authorize" }).ClickAsync();

            await page.WaitForURLAsync(new Regex("/plants\\?connected=\\d+$"));
            await Assertions.Expect(page.GetByTestId("connected-banner")).ToBeVisibleAsync();
            var link = page.GetByRole(AriaRole.Link, new() { Name = "Anna's Home" });
            await Assertions.Expect(link).ToBeVisibleAsync(new() { Timeout = 60_000 });
            await BrowserFixture.ShotAsync(page, "plants-after-consent-light-desktop");
            var plantPath = "/" + (await link.GetAttributeAsync("href"))!.TrimStart('/');

            await page.GotoAsync("/connections");
            await Assertions.Expect(page.GetByText("Battery and feed-in control allowed")).ToBeVisibleAsync();
            await BrowserFixture.ShotAsync(page, "connections-owner-light-desktop");
            BrowserFixture.AssertNoErrors(errors);

            var (phoneContext, phone, phoneErrors) = await fixture.OpenAsync(width: 390, height: 844, dark: true, user: "owner-anna");
            await using (phoneContext)
            {
                await phone.GotoAsync("/connections");
                await Assertions.Expect(phone.GetByTestId("control-scope")).ToContainTextAsync("Battery and feed-in control allowed");
                await BrowserFixture.ShotAsync(phone, "connections-owner-dark-phone");
                BrowserFixture.AssertNoErrors(phoneErrors);
            }

            var (benContext, ben, benErrors) = await fixture.OpenAsync(user: "owner-ben", dark: true);
            await using (benContext)
            {
                await ben.GotoAsync("/plants");
                await Assertions.Expect(ben.GetByRole(AriaRole.Heading, new() { Name = "Plants", Level = 1, Exact = true })).ToBeVisibleAsync();
                await Assertions.Expect(ben.GetByText("Anna's Home")).ToHaveCountAsync(0);
                await ben.GotoAsync(plantPath);
                await Assertions.Expect(ben.GetByText("Not found")).ToBeVisibleAsync();
                await Assertions.Expect(ben.GetByText("Anna's Home")).ToHaveCountAsync(0);
                await BrowserFixture.ShotAsync(ben, "plant-of-another-owner-dark-desktop");
                BrowserFixture.AssertNoErrors(benErrors);
            }

            // Disconnecting and deleting the history each ask first; "keep" changes nothing.
            await BrowserFixture.WaitForCircuitAsync(page);
            var card = page.GetByTestId("connection");
            await card.GetByTestId("disconnect").ClickAsync();
            var dialog = page.GetByRole(AriaRole.Dialog);
            await Assertions.Expect(dialog).ToContainTextAsync("deletes its tokens");
            await BrowserFixture.ShotAsync(page, "connections-disconnect-dialog-light-desktop");
            await dialog.GetByRole(AriaRole.Button, new() { Name = "Keep connected" }).ClickAsync();
            await Assertions.Expect(dialog).ToHaveCountAsync(0);
            await Assertions.Expect(card).ToHaveAttributeAsync("data-connection-state", "Connected");

            await card.GetByTestId("disconnect").ClickAsync();
            await dialog.GetByRole(AriaRole.Button, new() { Name = "Disconnect" }).ClickAsync();
            await Assertions.Expect(card).ToHaveAttributeAsync("data-connection-state", "Disconnected");
            await Assertions.Expect(card.GetByTestId("reauthorize")).ToBeVisibleAsync();
            await BrowserFixture.ShotAsync(page, "connections-owner-disconnected-light-desktop");

            // Her plant now says why no new data comes, and where to fix it.
            await page.GotoAsync(plantPath);
            var attention = page.GetByTestId("connection-attention");
            await Assertions.Expect(attention).ToContainTextAsync("\"Disconnected\"");
            await Assertions.Expect(attention.GetByRole(AriaRole.Link, new() { Name = "Fix it on Connections" })).ToHaveAttributeAsync("href", "/connections");
            await BrowserFixture.ShotAsync(page, "plant-connection-attention-light-desktop");
            await page.GotoAsync("/connections");
            await BrowserFixture.WaitForCircuitAsync(page);

            await card.GetByTestId("delete-history").ClickAsync();
            await dialog.GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
            await Assertions.Expect(page.GetByTestId("connection")).ToHaveCountAsync(0);
            await Assertions.Expect(page.GetByText("No connections yet")).ToBeVisibleAsync();
            BrowserFixture.AssertNoErrors(errors);
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
            await BrowserFixture.ShotAsync(page, "consent-denied-light-phone");

            await page.GetByTestId("sign-out").ClickAsync();
            await page.WaitForURLAsync(new Regex("/account/signed-out$"));
            await Assertions.Expect(page.GetByText("You are signed out")).ToBeVisibleAsync();
            await BrowserFixture.ShotAsync(page, "signed-out-light-phone");
            await page.GotoAsync("/plants");
            await page.WaitForURLAsync(new Regex("/sandbox/idp/authorize"));
            BrowserFixture.AssertNoErrors(errors);
        }
    }

    [Fact]
    public async Task A_failed_consent_page_shows_only_its_own_words_for_the_reason()
    {
        var (context, page, errors) = await fixture.OpenAsync(dark: true, user: "owner-ben");
        await using (context)
        {
            await page.GotoAsync("/connections/fusionsolar/failed?reason=CodeRejected&purpose=Reauthorize&connection=3");
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "The authorization ran out before it was used", Level = 1 })).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("[data-testid=consent-retry]")).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("form:has([data-testid=consent-retry]) input[name=purpose]")).ToHaveValueAsync("Reauthorize");
            await BrowserFixture.ShotAsync(page, "consent-failed-dark-desktop");

            await page.GotoAsync("/connections/fusionsolar/failed?reason=%3Cb%3Ecall%20us%3C%2Fb%3E");
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "FusionSolar could not complete the authorization", Level = 1 })).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByText("call us")).ToHaveCountAsync(0);

            await page.GotoAsync("/connections/fusionsolar/failed?reason=InvalidClient");
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "This dashboard's FusionSolar client was not accepted", Level = 1 })).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByTestId("consent-retry")).ToHaveCountAsync(0);
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
            await BrowserFixture.ShotAsync(page, "connections-admin-api-form-light-desktop");

            await page.GotoAsync("/users");
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Adam Admin" })).ToBeVisibleAsync();
            await BrowserFixture.ShotAsync(page, "users-admin-light-desktop");
            BrowserFixture.AssertNoErrors(errors);
        }

        var (phoneContext, phone, phoneErrors) = await fixture.OpenAsync(width: 390, height: 844, dark: true);
        await using (phoneContext)
        {
            await phone.GotoAsync("/connections");
            await BrowserFixture.WaitForCircuitAsync(phone);
            await phone.GetByTestId("add-api-account").ClickAsync();
            await Assertions.Expect(phone.GetByTestId("api-account-form")).ToBeVisibleAsync();
            await BrowserFixture.ShotAsync(phone, "connections-admin-api-form-dark-phone");
            await phone.GotoAsync("/users");
            await Assertions.Expect(phone.GetByRole(AriaRole.Heading, new() { Name = "Adam Admin" })).ToBeVisibleAsync();
            await BrowserFixture.ShotAsync(phone, "users-admin-dark-phone");
            BrowserFixture.AssertNoErrors(phoneErrors);
        }
    }
}
