using System.Globalization;
using ClosedXML.Excel;
using DuckDB.NET.Data;
using MentorFlow.Reports.Documents;
using MentorFlow.Reports.Figures;
using MentorFlow.Reports.PowerBi;

namespace MentorFlow.Reports.Tests.PowerBi;

// Each measure of the model, as its DAX reads, in DuckDB over the district's Parquet files: a measure named as a state
// report figure gives that figure's Summary value.
public sealed class PowerBiMeasureTests
{
    private const string Year = "2026-2027";
    private const string F = "'{dir}/fact_pairing_year.parquet'";
    private const string Mentees = $"(SELECT count(DISTINCT mentee_key) FROM {F})";

    // Measure name → the same computation in SQL, clause for clause with its DAX.
    private static readonly Dictionary<string, string> AsSql = new()
    {
        ["Beginning educators served"] = $"SELECT count(DISTINCT mentee_key) FROM {F}",
        ["Beginning educators in induction year 1"] = $"SELECT count(*) FROM (SELECT mentee_key FROM {F} GROUP BY mentee_key HAVING min(induction_year) = 1)",
        ["Beginning educators in induction year 2"] = $"SELECT count(*) FROM (SELECT mentee_key FROM {F} GROUP BY mentee_key HAVING min(induction_year) = 2)",
        ["Beginning educators in induction year 3 or later"] = $"SELECT count(*) FROM (SELECT mentee_key FROM {F} GROUP BY mentee_key HAVING min(induction_year) = 3)",
        ["Beginning educators hired"] = "SELECT sum(beginning_teachers_hired) FROM '{dir}/dim_district.parquet'",
        ["Beginning educators returning the next year"] =
            $"SELECT CASE WHEN count(mentee_employed_next_year) = 0 THEN NULL ELSE (SELECT count(DISTINCT mentee_key) FROM {F} WHERE mentee_employed_next_year = true) + 0 END FROM {F}",
        ["Beginning educators not returning the next year"] =
            $"SELECT CASE WHEN count(mentee_employed_next_year) = 0 THEN NULL ELSE (SELECT count(DISTINCT mentee_key) FROM {F} WHERE mentee_employed_next_year = false) + 0 END FROM {F}",
        ["Mentors"] = $"SELECT count(DISTINCT mentor_key) FROM {F}",
        ["Trained mentors"] = "SELECT count(*) FROM '{dir}/dim_mentor.parquet' WHERE trained = true",
        ["Pairings served"] = $"SELECT count(*) FROM {F}",
        ["Pairings completed"] = $"SELECT count(*) FROM {F} WHERE outcome = 'Completed'",
        ["Pairings incomplete"] = $"SELECT count(*) FROM {F} WHERE outcome = 'Incomplete'",
        ["Pairings separated"] = $"SELECT count(*) FROM {F} WHERE outcome = 'Separated'",
        ["Pairings in progress"] = $"SELECT count(*) FROM {F} WHERE outcome = 'InProgress'",
        ["Mentors assigned within two weeks of hire"] = $"SELECT count(*) FROM {F} WHERE assigned_within_two_weeks = true",
        ["Hours together outside the contract day (confirmed)"] = $"SELECT sum(confirmed_hours_outside) FROM {F}",
        ["Hours together, all confirmed time"] = "SELECT sum(minutes) FILTER (WHERE confirmed = true) / 60 FROM '{dir}/fact_interaction.parquet'",
        ["Median hours per pairing"] = $"SELECT median(confirmed_hours_outside) FROM {F}",
        ["Share meeting the hours requirement"] =
            $"SELECT count(*) FILTER (WHERE requirement_met = true AND outcome IN ('Completed', 'Incomplete')) / count(*) FILTER (WHERE outcome IN ('Completed', 'Incomplete')) FROM {F}",
        ["Beginning educator retention"] = $"SELECT ({Mentees} - (SELECT count(DISTINCT mentee_key) FROM {F} WHERE mentee_retained = false)) / {Mentees}",
        ["Mentees who left the district"] = $"SELECT count(DISTINCT mentee_key) FROM {F} WHERE mentee_retained = false",
        ["Mentor satisfaction"] = $"SELECT avg(mentor_satisfaction) FROM {F}",
        ["Mentor satisfaction: respondents"] = $"SELECT count(mentor_satisfaction) FROM {F}",
        ["Mentee satisfaction"] = $"SELECT avg(mentee_satisfaction) FROM {F}",
        ["Mentee satisfaction: respondents"] = $"SELECT count(mentee_satisfaction) FROM {F}",
        ["Release time: substitute hours used"] = "SELECT sum(substitute_hours) FROM '{dir}/fact_observation.parquet'",
        ["Incentives: stipends paid"] = "SELECT sum(stipend) FROM '{dir}/dim_mentor.parquet'",
        ["Spend per mentee"] = $"SELECT (SELECT sum(stipend) FROM '{{dir}}/dim_mentor.parquet') / {Mentees}",
        ["Incentives: PDPs awarded"] = "SELECT sum(pdps) FROM '{dir}/dim_mentor.parquet'",
        ["Classroom observations: mentor observes mentee"] = "SELECT count(*) FROM '{dir}/fact_observation.parquet' WHERE observation_type = 'MentorObservesMentee'",
        ["Classroom observations: mentee observes mentor"] = "SELECT count(*) FROM '{dir}/fact_observation.parquet' WHERE observation_type = 'MenteeObservesMentor'",
        ["Classroom observations: joint observation"] = "SELECT count(*) FROM '{dir}/fact_observation.parquet' WHERE observation_type = 'JointObservation'",
        ["Pairings meeting weekly"] = $"SELECT count(*) FROM {F} WHERE meeting_frequency = 'Weekly' AND outcome <> 'Separated'",
        ["Pairings meeting every two weeks"] = $"SELECT count(*) FROM {F} WHERE meeting_frequency = 'EveryTwoWeeks' AND outcome <> 'Separated'",
        ["Pairings meeting monthly"] = $"SELECT count(*) FROM {F} WHERE meeting_frequency = 'Monthly' AND outcome <> 'Separated'",
        ["Pairings meeting less"] = $"SELECT count(*) FROM {F} WHERE meeting_frequency = 'Less' AND outcome <> 'Separated'",
        ["Meetings and conversations logged"] = "SELECT count(*) FROM '{dir}/fact_interaction.parquet'",
        ["Logged hours, confirmed or not, in or outside the contract day"] = "SELECT sum(minutes) / 60 FROM '{dir}/fact_interaction.parquet'",
        ["Observation cycles"] = "SELECT count(*) FROM '{dir}/fact_observation.parquet'",
    };

    [Fact]
    public void Every_measure_has_its_SQL_here_and_a_measure_named_as_a_figure_is_that_figure()
    {
        Assert.Equal(PowerBiProject.Measures.Select(m => m.Name).Order(StringComparer.Ordinal), AsSql.Keys.Order(StringComparer.Ordinal));
        var figures = DistrictFigures.Compute(SampleYears.District("d", 3));
        foreach (var measure in PowerBiProject.Measures)
        {
            var named = figures.SingleOrDefault(f => f.Label == measure.Name);
            Assert.Equal(named?.Key, measure.FigureKey);
        }

        // Every figure the Parquet rows can give has its measure (partnerships are words in the Summary).
        Assert.Equal(figures.Select(f => f.Key).Where(k => k != "partnerships").Order(StringComparer.Ordinal),
            PowerBiProject.Measures.Where(m => m.FigureKey is not null).Select(m => m.FigureKey!).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(9, 5)]
    [InlineData(120, 6)]
    [InlineData(30, 7)]
    public async Task Each_measure_named_as_a_figure_equals_that_figure_in_the_Summary(int pairings, int seed)
    {
        var year = SampleYears.Seeded("d", pairings, seed);
        var folder = Directory.CreateTempSubdirectory("mentorflow-measures-");
        try
        {
            await YearOutputs.WriteAsync(Year, [year], folder.FullName, new JsonFileReportDocumentWriter(folder.FullName), _ => { }, default);
            using var workbook = new XLWorkbook(Path.Combine(folder.FullName, YearOutputs.DistrictWorkbookPath(Year, "d")));
            var summary = workbook.Worksheet("Summary").Table("Figures").DataRange.Rows()
                .ToDictionary(r => r.Cell(1).GetString(), r => r.Cell(3).IsEmpty() ? (double?)null : r.Cell(3).GetValue<double>());
            var kinds = DistrictFigures.Compute(year).ToDictionary(f => f.Key, f => f.Kind);
            using var duck = new DuckDBConnection("Data Source=:memory:");
            duck.Open();
            var dir = Path.Combine(folder.FullName, YearOutputs.DistrictPowerBiFolder(Year, "d"));
            foreach (var measure in PowerBiProject.Measures)
            {
                using var command = duck.CreateCommand();
                command.CommandText = AsSql[measure.Name].Replace("{dir}", dir, StringComparison.Ordinal);
                var value = command.ExecuteScalar();
                if (measure.FigureKey is not { } key)
                {
                    continue;
                }

                // The Summary rounds shares to 3 places, ratings and money to 2; the measure's format string shows as much.
                double? measured = value is null or DBNull ? null : Math.Round((value is System.Numerics.BigInteger big ? (double)big : Convert.ToDouble(value, CultureInfo.InvariantCulture)), kinds[key] switch
                {
                    FigureKind.Share => 3,
                    FigureKind.Rating or FigureKind.Money => 2,
                    _ => 9,
                });
                Assert.True(measured is null == summary[key] is null && (measured is null || Math.Abs(measured.Value - summary[key]!.Value) < 1e-6),
                    $"{measure.Name}: the model gives {measured}, the Summary {summary[key]}");
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
