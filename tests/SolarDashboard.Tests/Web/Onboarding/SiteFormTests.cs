using SolarDashboard.Components.Onboarding;
using SolarDashboard.Core.Onboarding;

namespace SolarDashboard.Tests.Web.Onboarding;

/// <summary>The add-a-site and add-a-datalog forms: plain messages per field before anything is sent, and what is sent.</summary>
public sealed class SiteFormTests
{
    private static SiteForm Filled() => new("Africa/Nairobi") { Name = " Mombasa Hotel ", Capacity = "99,5", Latitude = "-4.04", Longitude = "39.67", City = "Mombasa" };

    [Fact]
    public void A_complete_form_becomes_the_site_to_send_with_a_decimal_comma_read_as_a_point()
    {
        var site = Filled().ToSite();
        Assert.Equal(new NewSite("Mombasa Hotel", 99.5, "Africa/Nairobi", null, "Mombasa", null, -4.04, 39.67), site);
    }

    [Fact]
    public void Problems_show_only_after_the_first_try_and_name_each_wrong_field()
    {
        var form = new SiteForm("Africa/Nairobi") { Capacity = "lots", TimeZone = "Nairobi", Latitude = "95", Longitude = "" };
        Assert.Null(form.Problem(nameof(SiteForm.Name)));

        Assert.Null(form.ToSite());
        Assert.Equal("Enter the site's name.", form.Problem(nameof(SiteForm.Name)));
        Assert.Equal("Enter the PV peak power in kWp, such as 120 or 99.5.", form.Problem(nameof(SiteForm.Capacity)));
        Assert.Equal("Pick the site's time zone from the list, such as Africa/Nairobi.", form.Problem(nameof(SiteForm.TimeZone)));
        Assert.Equal("Latitude is a number from -90 to 90 (south negative).", form.Problem(nameof(SiteForm.Latitude)));
        Assert.Equal("Enter both latitude and longitude, or neither.", form.Problem(nameof(SiteForm.Longitude)));
    }

    [Theory]
    [InlineData("0", "The peak power is more than 0 and at most 1,000,000 kWp.")]
    [InlineData("-5", "The peak power is more than 0 and at most 1,000,000 kWp.")]
    [InlineData("120", null)]
    public void The_peak_power_must_be_positive(string capacity, string? problem)
    {
        var form = Filled();
        form.Capacity = capacity;
        form.ToSite();
        Assert.Equal(problem, form.Problem(nameof(SiteForm.Capacity)));
    }

    [Fact]
    public void The_default_zone_is_the_one_most_of_the_connections_sites_use_else_this_machines_else_utc()
    {
        OnboardingSite Site(string zone) => new("1", 1, "x", zone, null, null, [], 0);
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        Assert.Equal("Asia/Manila", OnboardingTexts.DefaultZone([Site("Africa/Nairobi"), Site("Asia/Manila"), Site("Asia/Manila"), Site("+03:00")], berlin));
        Assert.Equal("Europe/Berlin", OnboardingTexts.DefaultZone([], berlin));
        Assert.Equal("Etc/UTC", OnboardingTexts.DefaultZone([Site("+03:00")], TimeZoneInfo.CreateCustomTimeZone("Mars", TimeSpan.Zero, "Mars", "Mars")));
    }

    [Theory]
    [InlineData("udl0a 23123", "UDL0A23123", null)]
    [InlineData("UDL-0A2312", "UDL-0A2312", "A datalog serial is 10 letters and digits.")]
    [InlineData("", "", null)]
    public void A_datalog_serial_is_read_as_copied_from_a_label_and_its_shape_checked(string typed, string sent, string? problem)
    {
        var form = new LoggerForm(s => s.Length == 10 && s.All(char.IsAsciiLetterOrDigit), "10 letters and digits") { Serial = typed };
        Assert.Equal((sent, problem), (form.Normalized, form.Problem));
        Assert.Equal(sent.Length > 0 && problem is null, form.CanAdd);
    }
}
