using System.Globalization;
using ClosedXML.Excel;
using DuckDB.NET.Data;
using MentorFlow.Reports.Excel;
using MentorFlow.Reports.PowerBi;

namespace MentorFlow.Reports.Tests.PowerBi;

public sealed class StarSchemaTests
{
    [Fact]
    public async Task DuckDB_reads_the_Parquet_files_and_their_totals_match_the_workbook_summary()
    {
        var folder = Directory.CreateTempSubdirectory("mentorflow-star-");
        try
        {
            var year = SampleYears.District("big", 20);
            var manifest = await StarSchemaWriter.WriteAsync(StarSchema.Build([year]), "2026-2027", folder.FullName, default);
            using var file = new MemoryStream();
            DistrictWorkbook.Write(year, file);
            file.Position = 0;
            using var workbook = new XLWorkbook(file);
            var summary = workbook.Worksheet("Summary").Table("Figures").DataRange.Rows()
                .ToDictionary(r => r.Cell(1).GetString(), r => r.Cell(3).IsEmpty() ? (decimal?)null : r.Cell(3).GetValue<decimal>());

            using var duck = new DuckDBConnection("Data Source=:memory:");
            duck.Open();
            decimal Query(string sql)
            {
                using var command = duck.CreateCommand();
                command.CommandText = sql.Replace("{dir}", folder.FullName, StringComparison.Ordinal);
                return Convert.ToDecimal(command.ExecuteScalar(), CultureInfo.InvariantCulture);
            }

            Assert.Equal(summary["hours_total"], Query("SELECT sum(confirmed_hours) FROM '{dir}/fact_pairing_year.parquet'"));
            Assert.Equal(summary["beginning_teachers_served"], Query("SELECT count(*) FROM '{dir}/dim_pairing.parquet'"));
            Assert.Equal(summary["frequency_weekly"], Query("SELECT count(*) FROM '{dir}/fact_pairing_year.parquet' WHERE meeting_frequency = 'Weekly' AND outcome <> 'Separated'"));
            Assert.Equal(summary["observations_joint_observation"], Query("SELECT count(*) FROM '{dir}/fact_observation.parquet' WHERE observation_type = 'JointObservation'"));
            Assert.Equal(summary["substitute_hours"], Query("SELECT sum(substitute_hours) FROM '{dir}/fact_observation.parquet'"));
            Assert.Equal(summary["pairings_completed"], Query("SELECT count(*) FROM '{dir}/fact_pairing_year.parquet' WHERE outcome = 'Completed'"));
            foreach (var table in manifest.Tables)
            {
                Assert.Equal(table.Rows, (int)Query($"SELECT count(*) FROM '{{dir}}/{table.Parquet}'"));
                Assert.Equal(table.Rows, (int)Query($"SELECT count(*) FROM read_csv_auto('{{dir}}/{table.Csv}', header = true)"));
            }

            // Every fact's date is in the calendar, and the calendar knows the school year and ISO week.
            Assert.Equal(0, Query("SELECT count(*) FROM '{dir}/fact_interaction.parquet' i LEFT JOIN '{dir}/dim_date.parquet' d USING (date_key) WHERE d.date IS NULL"));
            Assert.Equal(37, Query("SELECT iso_week FROM '{dir}/dim_date.parquet' WHERE date_key = 20260907"));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void Keys_are_the_same_in_every_refresh_and_nothing_names_a_person()
    {
        var first = StarSchema.Build([SampleYears.District("d1", 10)]);
        var again = StarSchema.Build([SampleYears.District("d1", 12)]);

        Assert.Equal(first.Pairings.Select(p => p.PairingKey), again.Pairings.Take(10).Select(p => p.PairingKey));
        Assert.Equal(first.Districts[0].DistrictKey, again.Districts[0].DistrictKey);
        var text = System.Text.Json.JsonSerializer.Serialize(first);
        Assert.DoesNotContain("Teacher T", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Mentor ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\"T1\"", text, StringComparison.Ordinal); // employee ids
    }

    [Fact]
    public void Schools_with_fewer_than_six_beginning_educators_are_grouped_and_small_districts_flagged()
    {
        var schema = StarSchema.Build([SampleYears.District("big", 20), SampleYears.District("small", 4)]);

        // big: Lincoln and Roosevelt have 10 mentees each; small: 2 each, grouped.
        Assert.Equal(["Lincoln", "Roosevelt", StarSchema.GroupedSchools], schema.Schools.Select(s => s.SchoolName).Order(StringComparer.Ordinal).ToList()
            .OrderBy(n => n == StarSchema.GroupedSchools).ThenBy(n => n, StringComparer.Ordinal));
        Assert.True(schema.Districts.Single(d => d.DistrictId == "small").SmallCell);
        Assert.False(schema.Districts.Single(d => d.DistrictId == "big").SmallCell);
    }
}
