using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace SolarDashboard.Hosting;

/// <summary>
/// Every CSV the app hands out: RFC 4180 quoting by CsvHelper, and no cell a spreadsheet would run as a formula. A text
/// cell starting with = + - @ (or a tab or carriage return) gets a leading apostrophe; numbers are written as numbers,
/// so a negative value stays a negative value; a value that is not a finite number is an empty cell.
/// </summary>
public static class CsvDownload
{
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    public static IResult File(string fileName, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<object?>> rows) =>
        Results.File(Encoding.UTF8.GetBytes(Write(header, rows)), "text/csv; charset=utf-8", Safe(fileName).Replace(' ', '_'));

    public static string Write(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<object?>> rows)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        using (var csv = new CsvWriter(text, new CsvConfiguration(CultureInfo.InvariantCulture) { NewLine = "\n", InjectionOptions = InjectionOptions.None }))
        {
            foreach (var name in header) csv.WriteField(Safe(name));
            csv.NextRecord();
            foreach (var row in rows)
            {
                foreach (var cell in row)
                    csv.WriteField(cell switch
                    {
                        null => "",
                        double d when !double.IsFinite(d) => "", // no value, not "NaN" or "-Infinity" text
                        float f when !float.IsFinite(f) => "",
                        double d => d.ToString("R", CultureInfo.InvariantCulture),
                        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                        _ => Safe(cell.ToString() ?? ""),
                    });
                csv.NextRecord();
            }
        }
        return text.ToString();
    }

    /// <summary>A text cell a spreadsheet shows as text, never evaluates.</summary>
    public static string Safe(string text) => text.Length > 0 && FormulaStarts.Contains(text[0]) ? "'" + text : text;
}
