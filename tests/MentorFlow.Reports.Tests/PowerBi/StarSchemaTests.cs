using System.Globalization;
using DuckDB.NET.Data;
using MentorFlow.Reports.Input;
using MentorFlow.Reports.PowerBi;

namespace MentorFlow.Reports.Tests.PowerBi;

public sealed class StarSchemaTests
{
    [Fact]
    public async Task DuckDB_reads_every_district_file_and_the_calendar_has_real_dates_and_the_districts_own_terms()
    {
        var folder = Directory.CreateTempSubdirectory("mentorflow-star-");
        try
        {
            // A district whose second half starts on 1 February: January is still the first half.
            var calendar = new DistrictCalendar(new DateOnly(2026, 8, 31), new DateOnly(2027, 1, 29), new DateOnly(2027, 2, 1), new DateOnly(2027, 6, 18));
            var year = SampleYears.Seeded("d", 30, 4, calendar);
            var manifest = await StarSchemaWriter.WriteAsync(StarSchema.Build(year), "2026-2027", folder.FullName, default);
            using var duck = new DuckDBConnection("Data Source=:memory:");
            duck.Open();
            object? Query(string sql)
            {
                using var command = duck.CreateCommand();
                command.CommandText = sql.Replace("{dir}", folder.FullName, StringComparison.Ordinal);
                return command.ExecuteScalar();
            }

            foreach (var table in manifest.Tables)
            {
                Assert.Equal(table.Rows, Convert.ToInt32(Query($"SELECT count(*) FROM '{{dir}}/{table.Parquet}'"), CultureInfo.InvariantCulture));
                Assert.Null(table.Csv); // the district's own files are Parquet only
            }

            // The manifest says date, and the files hold Parquet dates (not INT96 timestamps).
            Assert.Equal("date", manifest.Tables.Single(t => t.Table == "dim_date").Columns.Single(c => c.Name == "date").Type);
            Assert.Equal("DATE", Query("SELECT typeof(date) FROM '{dir}/dim_date.parquet' LIMIT 1"));
            Assert.Equal("DATE", Query("SELECT typeof(week_start) FROM '{dir}/dim_date.parquet' LIMIT 1"));
            Assert.Equal(0L, Query("SELECT count(*) FROM '{dir}/fact_interaction.parquet' i LEFT JOIN '{dir}/dim_date.parquet' d USING (date_key) WHERE d.date IS NULL"));
            Assert.Equal(37L, Convert.ToInt64(Query("SELECT iso_week FROM '{dir}/dim_date.parquet' WHERE date = DATE '2026-09-07'"), CultureInfo.InvariantCulture));
            Assert.Equal("FirstHalf", Query("SELECT term FROM '{dir}/dim_date.parquet' WHERE date = DATE '2027-01-28'"));
            Assert.Equal("BetweenTerms", Query("SELECT term FROM '{dir}/dim_date.parquet' WHERE date = DATE '2027-01-30'"));
            Assert.Equal("SecondHalf", Query("SELECT term FROM '{dir}/dim_date.parquet' WHERE date = DATE '2027-02-01'"));
            Assert.Equal(1L, Query("SELECT count(DISTINCT school_year) FROM '{dir}/dim_date.parquet'"));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void Keys_are_the_same_in_every_refresh_and_nothing_names_a_person()
    {
        var first = StarSchema.Build(SampleYears.District("d1", 10));
        var again = StarSchema.Build(SampleYears.District("d1", 12));

        Assert.Equal(first.Pairings.Select(p => p.PairingKey), again.Pairings.Take(10).Select(p => p.PairingKey));
        Assert.Equal(first.Districts[0].DistrictKey, again.Districts[0].DistrictKey);
        var text = System.Text.Json.JsonSerializer.Serialize(first);
        Assert.DoesNotContain("Teacher T", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Mentor ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\"T1\"", text, StringComparison.Ordinal); // employee ids
    }
}
