using System.Net;
using SolarDashboard.Testing;

namespace SolarDashboard.IntegrationTests;

/// <summary>The series CSV export (issue 15): only KPIs the device has, never text from the address echoed into the file.</summary>
public sealed class ExportTests(ConsentAppFixture fixture) : IClassFixture<ConsentAppFixture>
{
    private AppProcess App => fixture.App;

    private async Task<HttpClient> AdminWithDataAsync()
    {
        var admin = await App.AsAsync("adam-admin");
        await AppProcess.WaitUntilAsync(async () =>
        {
            using var r = await admin.GetAsync("/devices/1/series.csv?kpi=active_power");
            return r.StatusCode == HttpStatusCode.OK;
        }, TimeSpan.FromSeconds(90), "the first device's data");
        return admin;
    }

    [Theory]
    [InlineData("=HYPERLINK(\"https://evil.example\",\"click\")")]
    [InlineData("active_power\r\n=1+1")]
    [InlineData("no_such_kpi")]
    public async Task A_kpi_the_device_does_not_have_is_not_found(string kpi)
    {
        var admin = await AdminWithDataAsync();
        using var response = await admin.GetAsync("/devices/1/series.csv?kpi=" + Uri.EscapeDataString(kpi));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_known_kpi_downloads_its_rows_and_no_text_from_the_address_reaches_the_file_or_its_name()
    {
        // The neutralising of formula cells is CsvDownloadTests'; here the address's own text must go nowhere.
        var admin = await AdminWithDataAsync();
        using var response = await admin.GetAsync("/devices/1/series.csv?kpi=active_power&range=%3D1%2B1");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var lines = (await response.Content.ReadAsStringAsync()).TrimEnd('\n').Split('\n');
        Assert.Equal("time_plant_local,time_utc,active_power", lines[0]);
        Assert.All(lines.SelectMany(l => l.Split(',')), cell => Assert.False(cell.StartsWith('=') || cell.StartsWith('@') || cell.StartsWith('+')));
        Assert.DoesNotContain("=1+1", response.Content.Headers.ContentDisposition!.ToString());
    }

    [Fact]
    public async Task A_plant_energy_report_downloads_the_period_asked_for_and_only_for_plants_one_may_see()
    {
        var admin = await AdminWithDataAsync();
        await AppProcess.WaitUntilAsync(async () =>
        {
            using var r = await admin.GetAsync("/plants/1/energy.csv?period=Hour");
            return (await r.Content.ReadAsStringAsync()).Contains("pv_kwh", StringComparison.Ordinal);
        }, TimeSpan.FromSeconds(90), "today's hour report of the first plant");
        using var response = await admin.GetAsync("/plants/1/energy.csv?period=Hour");
        var lines = (await response.Content.ReadAsStringAsync()).TrimEnd('\n').Split('\n');
        Assert.StartsWith("period_start_plant_local,pv_kwh", lines[0]);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:00,", lines[1]); // hours keyed in plant time

        using var badPeriod = await admin.GetAsync("/plants/1/energy.csv?period=Week");
        Assert.Equal(HttpStatusCode.BadRequest, badPeriod.StatusCode);
        var stranger = await App.AsAsync("owner-ben");
        using var hidden = await stranger.GetAsync("/plants/1/energy.csv?period=Hour");
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
    }
}
