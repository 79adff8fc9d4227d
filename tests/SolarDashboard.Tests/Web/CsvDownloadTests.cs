using SolarDashboard.Hosting;

namespace SolarDashboard.Tests.Web;

/// <summary>Every CSV the app hands out opens in a spreadsheet as data, never as formulas or extra rows (issue 15).</summary>
public sealed class CsvDownloadTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://evil\",\"x\")")]
    [InlineData("+1+cmd|' /C calc'!A0")]
    [InlineData("-2+3")]
    [InlineData("@SUM(A1)")]
    [InlineData("\t=1")]
    public void A_text_cell_that_a_spreadsheet_would_evaluate_is_written_as_text(string text)
    {
        var csv = CsvDownload.Write(["name"], [[text]]);
        var cell = csv.Split('\n')[1];
        Assert.StartsWith("'", cell.TrimStart('"'));
    }

    [Fact]
    public void Line_breaks_and_commas_inside_a_cell_stay_inside_it()
    {
        var csv = CsvDownload.Write(["a", "b"], [["x\r\ny,z", 1.5]]);
        var lines = csv.TrimEnd('\n').Split('\n');
        Assert.Equal("a,b", lines[0]);
        Assert.Equal("\"x\r", lines[1]);
        Assert.Equal("y,z\",1.5", lines[2]);
    }

    [Fact]
    public void Numbers_stay_numbers_negative_ones_included()
    {
        var csv = CsvDownload.Write(["t", "kw"], [["2026-06-17T10:00:00+02:00", -0.25], ["2026-06-17T10:05:00+02:00", 1234.5]]);
        Assert.Equal("t,kw\n2026-06-17T10:00:00+02:00,-0.25\n2026-06-17T10:05:00+02:00,1234.5\n", csv);
    }

    [Fact]
    public void A_value_that_is_not_a_finite_number_is_an_empty_cell()
    {
        var csv = CsvDownload.Write(["a", "b", "c"], [[double.NaN, double.NegativeInfinity, float.PositiveInfinity]]);
        Assert.Equal("a,b,c\n,,\n", csv);
    }
}
