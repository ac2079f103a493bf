using System.Globalization;
using ClosedXML.Excel;
using DuckDB.NET.Data;
using MentorFlow.Reports.Documents;
using MentorFlow.Reports.Input;

namespace MentorFlow.Reports.Tests.Figures;

// Every Summary figure, worked out again from the district's Parquet rows (DuckDB) and the pairings' outcomes, for years
// with separations and activity logged after the pairings ended.
public sealed class RecomputedFiguresTests
{
    private const string Year = "2026-2027";
    private const string Pairing = "'{dir}/fact_pairing_year.parquet'";
    private const string Finished = "outcome IN ('Completed', 'Incomplete')";

    private static readonly Dictionary<string, string> FromRows = new()
    {
        ["beginning_teachers_served"] = $"SELECT count(DISTINCT mentee_key) FROM {Pairing}",
        ["beginning_teachers_induction_year_1"] = $"SELECT count(*) FROM (SELECT mentee_key, min(induction_year) AS y FROM {Pairing} GROUP BY mentee_key) WHERE y = 1",
        ["beginning_teachers_induction_year_2"] = $"SELECT count(*) FROM (SELECT mentee_key, min(induction_year) AS y FROM {Pairing} GROUP BY mentee_key) WHERE y = 2",
        ["beginning_teachers_induction_year_3"] = $"SELECT count(*) FROM (SELECT mentee_key, min(induction_year) AS y FROM {Pairing} GROUP BY mentee_key) WHERE y = 3",
        ["beginning_teachers_hired"] = "SELECT max(beginning_teachers_hired) FROM '{dir}/dim_district.parquet'",
        ["beginning_teachers_returning_next_year"] =
            $"SELECT CASE WHEN count(mentee_employed_next_year) = 0 THEN NULL ELSE count(DISTINCT mentee_key) FILTER (WHERE mentee_employed_next_year) END FROM {Pairing}",
        ["beginning_teachers_not_returning_next_year"] =
            $"SELECT CASE WHEN count(mentee_employed_next_year) = 0 THEN NULL ELSE count(DISTINCT mentee_key) FILTER (WHERE NOT mentee_employed_next_year) END FROM {Pairing}",
        ["mentors"] = $"SELECT count(DISTINCT mentor_key) FROM {Pairing}",
        ["trained_mentors"] = "SELECT count(*) FROM '{dir}/dim_mentor.parquet' WHERE trained",
        ["pairings_served"] = $"SELECT count(*) FROM {Pairing}",
        ["pairings_completed"] = $"SELECT count(*) FROM {Pairing} WHERE outcome = 'Completed'",
        ["pairings_incomplete"] = $"SELECT count(*) FROM {Pairing} WHERE outcome = 'Incomplete'",
        ["pairings_separated"] = $"SELECT count(*) FROM {Pairing} WHERE outcome = 'Separated'",
        ["pairings_in_progress"] = $"SELECT count(*) FROM {Pairing} WHERE outcome = 'InProgress'",
        ["pairings_assigned_within_two_weeks"] = $"SELECT count(*) FROM {Pairing} WHERE assigned_within_two_weeks",
        // From the logged rows, not the outcome's column: the two must agree.
        ["hours_total"] = "SELECT coalesce(sum(minutes), 0) / 60 FROM '{dir}/fact_interaction.parquet' WHERE confirmed AND outside_contract_day",
        ["hours_together_confirmed"] = "SELECT coalesce(sum(minutes), 0) / 60 FROM '{dir}/fact_interaction.parquet' WHERE confirmed",
        ["hours_median"] = $"SELECT median(confirmed_hours_outside) FROM {Pairing}",
        ["share_meeting_requirement"] = $"SELECT round(count(*) FILTER (WHERE requirement_met) / count(*), 3) FROM {Pairing} WHERE {Finished}",
        ["mentee_retention_rate"] = $"SELECT round(1 - count(DISTINCT mentee_key) FILTER (WHERE NOT mentee_retained) / count(DISTINCT mentee_key), 3) FROM {Pairing}",
        ["mentees_left_district"] = $"SELECT count(DISTINCT mentee_key) FILTER (WHERE NOT mentee_retained) FROM {Pairing}",
        ["satisfaction_mentors"] = $"SELECT round(avg(mentor_satisfaction), 2) FROM {Pairing} WHERE plan_started",
        ["satisfaction_mentor_respondents"] = $"SELECT count(mentor_satisfaction) FROM {Pairing} WHERE plan_started",
        ["satisfaction_mentees"] = $"SELECT round(avg(mentee_satisfaction), 2) FROM {Pairing} WHERE plan_started",
        ["satisfaction_mentee_respondents"] = $"SELECT count(mentee_satisfaction) FROM {Pairing} WHERE plan_started",
        ["substitute_hours"] = "SELECT coalesce(sum(substitute_hours), 0) FROM '{dir}/fact_observation.parquet'",
        ["incentive_spend"] = "SELECT coalesce(sum(stipend), 0) FROM '{dir}/dim_mentor.parquet'",
        ["spend_per_mentee"] = $"SELECT round((SELECT sum(stipend) FROM '{{dir}}/dim_mentor.parquet') / count(DISTINCT mentee_key), 2) FROM {Pairing}",
        ["pdps_awarded"] = "SELECT coalesce(sum(pdps), 0) FROM '{dir}/dim_mentor.parquet'",
        ["observations_mentor_observes_mentee"] = "SELECT count(*) FROM '{dir}/fact_observation.parquet' WHERE observation_type = 'MentorObservesMentee'",
        ["observations_mentee_observes_mentor"] = "SELECT count(*) FROM '{dir}/fact_observation.parquet' WHERE observation_type = 'MenteeObservesMentor'",
        ["observations_joint_observation"] = "SELECT count(*) FROM '{dir}/fact_observation.parquet' WHERE observation_type = 'JointObservation'",
        ["frequency_weekly"] = $"SELECT count(*) FROM {Pairing} WHERE meeting_frequency = 'Weekly' AND outcome <> 'Separated'",
        ["frequency_every_two_weeks"] = $"SELECT count(*) FROM {Pairing} WHERE meeting_frequency = 'EveryTwoWeeks' AND outcome <> 'Separated'",
        ["frequency_monthly"] = $"SELECT count(*) FROM {Pairing} WHERE meeting_frequency = 'Monthly' AND outcome <> 'Separated'",
        ["frequency_less"] = $"SELECT count(*) FROM {Pairing} WHERE meeting_frequency = 'Less' AND outcome <> 'Separated'",
    };

    [Theory]
    [InlineData(7, 1)]
    [InlineData(40, 2)]
    [InlineData(160, 3)]
    public async Task Every_Summary_figure_is_what_DuckDB_counts_in_the_Parquet_rows_and_what_the_outcomes_say(int pairings, int seed)
    {
        var year = SampleYears.Seeded("d", pairings, seed);
        var folder = Directory.CreateTempSubdirectory("mentorflow-recompute-");
        try
        {
            await YearOutputs.WriteAsync(Year, [year], folder.FullName, new JsonFileReportDocumentWriter(folder.FullName), _ => { }, default);
            using var workbook = new XLWorkbook(Path.Combine(folder.FullName, YearOutputs.DistrictWorkbookPath(Year, "d")));
            var summary = workbook.Worksheet("Summary").Table("Figures").DataRange.Rows()
                .ToDictionary(r => r.Cell(1).GetString(), r => r.Cell(3).IsEmpty() ? (double?)null : r.Cell(3).GetValue<double>());
            using var duck = new DuckDBConnection("Data Source=:memory:");
            duck.Open();
            var dir = Path.Combine(folder.FullName, YearOutputs.DistrictPowerBiFolder(Year, "d"));
            double? Query(string sql)
            {
                using var command = duck.CreateCommand();
                command.CommandText = sql.Replace("{dir}", dir, StringComparison.Ordinal);
                var value = command.ExecuteScalar();
                return value is null or DBNull ? null : (value is System.Numerics.BigInteger big ? (double)big : Convert.ToDouble(value, CultureInfo.InvariantCulture));
            }

            Assert.Equal(summary.Keys.Where(k => k != "partnerships").Order(StringComparer.Ordinal), FromRows.Keys.Order(StringComparer.Ordinal));
            foreach (var (key, sql) in FromRows)
            {
                AssertClose(Query(sql), summary[key], key);
            }

            Assert.Equal(year.Narrative.Partnerships.Count, summary["partnerships"]);

            // From the outcomes: each pairing's confirmed hours are those of its accepted rows, and what it never accepted is nowhere.
            var accepted = year.Interactions.Where(i => year.Pairings.Single(p => p.PairingId == i.PairingId).Accepts(i.Date)).ToList();
            Assert.True(accepted.Count < year.Interactions.Count, "the year has activity after its pairings ended");
            AssertClose((double)year.Pairings.Sum(p => p.ConfirmedHoursOutside), summary["hours_total"], "hours_total from the outcomes");
            AssertClose(accepted.Count, Query("SELECT count(*) FROM '{dir}/fact_interaction.parquet'"), "logged meetings");
            AssertClose(year.Pairings.Count(p => p.Result == PairingResult.Separated), summary["pairings_separated"], "separations");
            AssertClose(summary["pairings_served"], summary["pairings_completed"] + summary["pairings_incomplete"] + summary["pairings_separated"] + summary["pairings_in_progress"], "outcomes add up");
            var lastDay = year.Pairings.Max(p => p.EndedOn ?? year.Terms.YearEnd);
            Assert.True(Query("SELECT max(date_key) FROM '{dir}/dim_date.parquet'") <= int.Parse(lastDay.ToString("yyyyMMdd", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture));
            var meetingsByWeek = workbook.Worksheet("Meetings by week").Table("MeetingsByWeek").DataRange.Rows().Sum(r => r.Cell(2).IsEmpty() ? 0 : r.Cell(2).GetValue<int>());
            Assert.Equal(accepted.Count, meetingsByWeek);
            var observations = year.Observations.Count(o => year.Pairings.Single(p => p.PairingId == o.PairingId).Accepts(o.ObservedOn));
            Assert.Equal(observations, workbook.Worksheet("Observations").Table("Observations").DataRange.RowCount());
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static void AssertClose(double? expected, double? actual, string what)
    {
        Assert.True(expected is null == actual is null, $"{what}: expected {expected}, got {actual}");
        if (expected is { } e && actual is { } a)
        {
            Assert.True(Math.Abs(e - a) < 1e-6, $"{what}: expected {e}, got {a}");
        }
    }
}
