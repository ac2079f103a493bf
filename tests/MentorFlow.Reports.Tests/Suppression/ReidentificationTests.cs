using System.Globalization;
using System.Text.Json;
using ClosedXML.Excel;
using DuckDB.NET.Data;
using MentorFlow.Reports.Documents;
using MentorFlow.Reports.Figures;
using MentorFlow.Reports.Input;

namespace MentorFlow.Reports.Tests.Suppression;

// From every published file, an analyst tries to work each suppressed figure back; none may succeed.
public sealed class ReidentificationTests
{
    private const string Year = "2026-2027";

    [Theory]
    [InlineData(1, 3)]
    [InlineData(2, 12)]
    [InlineData(3, 40)]
    public async Task No_suppressed_figure_can_be_worked_back_from_any_published_file(int seed, int districts)
    {
        var random = new Random(seed);
        var years = Enumerable.Range(0, districts).Select(d => SampleYears.Seeded($"d{d:D2}", random.Next(1, 36), (seed * 1000) + d)).ToList();
        var truth = years.ToDictionary(y => y.DistrictId, DistrictFigures.Compute);
        truth["statewide"] = DistrictFigures.Compute(Statewide.Of(Year, years));
        var folder = Directory.CreateTempSubdirectory("mentorflow-reid-");
        try
        {
            await YearOutputs.WriteAsync(Year, years, folder.FullName, new JsonFileReportDocumentWriter(folder.FullName), _ => { }, default);
            var sources = new Dictionary<string, Dictionary<(string, string), decimal?>>
            {
                ["state workbook"] = FromStateWorkbook(Path.Combine(folder.FullName, YearOutputs.StateWorkbookPath(Year)), truth["statewide"]),
                ["report documents"] = FromDocuments(Path.Combine(folder.FullName, Year, "documents")),
                ["published Power BI files"] = FromParquet(Path.Combine(folder.FullName, YearOutputs.PowerBiFolder(Year))),
            };

            // Every published file says the same, suppression included.
            Assert.Equal(sources["state workbook"].OrderBy(k => k.Key), sources["report documents"].OrderBy(k => k.Key));
            Assert.Equal(sources["state workbook"].OrderBy(k => k.Key), sources["published Power BI files"].OrderBy(k => k.Key));
            var suppressed = 0;
            var recovered = new List<string>();
            foreach (var (source, values) in sources)
            {
                var analyst = new Attacker(values, "statewide");
                foreach (var ((row, key), value) in values.Where(v => v.Value is null))
                {
                    if (truth[row].Single(f => f.Key == key).Value is not { } actual)
                    {
                        continue;
                    }

                    suppressed++;
                    if (analyst.Recovered(row, key) is { } guess && Math.Abs(guess - actual) < 0.01m)
                    {
                        recovered.Add($"{source}: {row}.{key} = {actual}");
                    }
                }
            }

            Assert.True(suppressed > 0, "nothing was suppressed, so nothing was tried");
            Assert.Empty(recovered);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task The_published_Power_BI_files_hold_figures_at_the_suppression_grain_and_no_row_per_person_pairing_or_meeting()
    {
        var folder = Directory.CreateTempSubdirectory("mentorflow-published-");
        try
        {
            var years = new[] { SampleYears.Seeded("a", 4, 1), SampleYears.Seeded("b", 30, 2) };
            await YearOutputs.WriteAsync(Year, years, folder.FullName, new JsonFileReportDocumentWriter(folder.FullName), _ => { }, default);
            var published = Path.Combine(folder.FullName, YearOutputs.PowerBiFolder(Year));

            using var manifest = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(published, "manifest.json")));
            var tables = manifest.RootElement.GetProperty("tables").EnumerateArray().Select(t => t.GetProperty("table").GetString()).ToList();
            Assert.Equal(["fact_published_figure", "dim_district", "dim_figure"], tables);
            var figures = DistrictFigures.Compute(years[0]).Count;
            using var duck = new DuckDBConnection("Data Source=:memory:");
            duck.Open();
            using var command = duck.CreateCommand();
            command.CommandText = $"SELECT count(*), count(DISTINCT district_key), count(DISTINCT figure_key) FROM '{published}/fact_published_figure.parquet'";
            using var reader = command.ExecuteReader();
            reader.Read();
            Assert.Equal((long)(3 * figures), reader.GetInt64(0)); // two districts and the statewide row, one row per figure
            Assert.Equal(3L, reader.GetInt64(1));
            Assert.Equal((long)figures, reader.GetInt64(2));
            reader.Close();
            command.CommandText = $"SELECT count(*) FROM read_csv_auto('{published}/fact_published_figure.csv', header = true)";
            Assert.Equal((long)(3 * figures), Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture));
            Assert.DoesNotContain(Directory.GetFiles(published), f => Path.GetFileName(f).Contains("pairing", StringComparison.Ordinal) || Path.GetFileName(f).Contains("interaction", StringComparison.Ordinal));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static Dictionary<(string, string), decimal?> FromStateWorkbook(string path, IReadOnlyList<Figure> template)
    {
        using var workbook = new XLWorkbook(path);
        var sheet = workbook.Worksheet("Districts");
        var headers = sheet.Row(1).CellsUsed().Select(c => c.GetString()).ToList();
        var values = new Dictionary<(string, string), decimal?>();
        foreach (var row in sheet.Table("Districts").DataRange.Rows())
        {
            var district = row.Cell(1).GetString();
            foreach (var figure in template)
            {
                var cell = row.Cell(headers.IndexOf(figure.Label) + 1);
                values[(district, figure.Key)] = cell.IsEmpty() ? null : Math.Round(cell.GetValue<decimal>(), 6);
            }
        }

        return values;
    }

    private static Dictionary<(string, string), decimal?> FromDocuments(string folder)
    {
        var values = new Dictionary<(string, string), decimal?>();
        foreach (var file in Directory.GetFiles(folder, "*.json"))
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file));
            var district = document.RootElement.GetProperty("districtId").GetString()!;
            foreach (var figure in document.RootElement.GetProperty("figures").EnumerateArray())
            {
                var value = figure.GetProperty("value");
                values[(district, figure.GetProperty("key").GetString()!)] = value.ValueKind == JsonValueKind.Null ? null : Math.Round(value.GetDecimal(), 6);
            }
        }

        return values;
    }

    private static Dictionary<(string, string), decimal?> FromParquet(string folder)
    {
        using var duck = new DuckDBConnection("Data Source=:memory:");
        duck.Open();
        using var command = duck.CreateCommand();
        command.CommandText = $"SELECT d.district_id, f.figure_key, f.value FROM '{folder}/fact_published_figure.parquet' f JOIN '{folder}/dim_district.parquet' d USING (district_key)";
        using var reader = command.ExecuteReader();
        var values = new Dictionary<(string, string), decimal?>();
        while (reader.Read())
        {
            values[(reader.GetString(0), reader.GetString(1))] = reader.IsDBNull(2) ? null : Math.Round(Convert.ToDecimal(reader.GetDouble(2), CultureInfo.InvariantCulture), 6);
        }

        return values;
    }
}
