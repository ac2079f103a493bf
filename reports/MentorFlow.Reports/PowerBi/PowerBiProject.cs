using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Serialization;

namespace MentorFlow.Reports.PowerBi;

/// <summary>
/// The Power BI project (PBIP, semantic model in TMDL) a district opens: it reads the district's own star schema folder
/// given as the <c>ParquetFolder</c> parameter, with the relationships and the program's measures. It is generated from the same
/// row types the writer uses, so the model's columns are always the files' columns; the copy in <c>reports/powerbi/</c>
/// is checked against it by a test.
/// </summary>
public static class PowerBiProject
{
    /// <summary>The project's name.</summary>
    public const string Name = "MentorFlow";

    private static readonly (string Table, Type Row)[] Tables =
    [
        ("fact_interaction", typeof(InteractionRow)), ("fact_observation", typeof(ObservationRow)), ("fact_pairing_year", typeof(PairingYearRow)),
        ("dim_date", typeof(DateRow)), ("dim_district", typeof(DistrictRow)), ("dim_school", typeof(SchoolRow)),
        ("dim_pairing", typeof(PairingRow)), ("dim_mentor", typeof(MentorRow)), ("dim_activity_type", typeof(ActivityTypeRow)),
    ];

    private static readonly (string From, string To)[] Relationships =
    [
        ("fact_interaction.pairing_key", "dim_pairing.pairing_key"), ("fact_interaction.date_key", "dim_date.date_key"),
        ("fact_interaction.activity_type_key", "dim_activity_type.activity_type_key"),
        ("fact_observation.pairing_key", "dim_pairing.pairing_key"), ("fact_observation.date_key", "dim_date.date_key"),
        ("fact_pairing_year.pairing_key", "dim_pairing.pairing_key"), ("fact_pairing_year.start_date_key", "dim_date.date_key"),
        ("fact_pairing_year.mentor_key", "dim_mentor.mentor_key"),
        ("dim_pairing.school_key", "dim_school.school_key"), ("dim_school.district_key", "dim_district.district_key"),
    ];

    private const string Pairings = "COUNTROWS(fact_pairing_year)";
    private const string Mentees = "DISTINCTCOUNT(fact_pairing_year[mentee_key])";
    private const string Finished = "fact_pairing_year[outcome] IN {\"Completed\", \"Incomplete\"}";

    /// <summary>
    /// The model's measures: each named for what it computes. A measure named as a state report figure is that figure (its
    /// key beside it) and a test computes it over the Parquet files and compares it with the district workbook's Summary.
    /// </summary>
    public static readonly IReadOnlyList<PowerBiMeasure> Measures =
    [
        new("fact_pairing_year", "Beginning educators served", Mentees, "#,0", "beginning_teachers_served"),
        .. new[] { 1, 2, 3 }.Select(y => new PowerBiMeasure("fact_pairing_year", $"Beginning educators in induction year {y}{(y == 3 ? " or later" : "")}",
            $"COUNTROWS(FILTER(VALUES(fact_pairing_year[mentee_key]), CALCULATE(MIN(fact_pairing_year[induction_year])) = {y}))", "#,0", $"beginning_teachers_induction_year_{y}")),
        new("dim_district", "Beginning educators hired", "SUM(dim_district[beginning_teachers_hired])", "#,0", "beginning_teachers_hired"),
        new("fact_pairing_year", "Beginning educators returning the next year",
            $"IF(COUNTA(fact_pairing_year[mentee_employed_next_year]) = 0, BLANK(), CALCULATE({Mentees}, fact_pairing_year[mentee_employed_next_year] = TRUE()) + 0)", "#,0",
            "beginning_teachers_returning_next_year"),
        new("fact_pairing_year", "Beginning educators not returning the next year",
            $"IF(COUNTA(fact_pairing_year[mentee_employed_next_year]) = 0, BLANK(), CALCULATE({Mentees}, fact_pairing_year[mentee_employed_next_year] = FALSE()) + 0)", "#,0",
            "beginning_teachers_not_returning_next_year"),
        new("fact_pairing_year", "Mentors", "DISTINCTCOUNT(fact_pairing_year[mentor_key])", "#,0", "mentors"),
        new("dim_mentor", "Trained mentors", "CALCULATE(COUNTROWS(dim_mentor), dim_mentor[trained] = TRUE())", "#,0", "trained_mentors"),
        new("fact_pairing_year", "Pairings served", Pairings, "#,0", "pairings_served"),
        new("fact_pairing_year", "Pairings completed", $"CALCULATE({Pairings}, fact_pairing_year[outcome] = \"Completed\")", "#,0", "pairings_completed"),
        new("fact_pairing_year", "Pairings incomplete", $"CALCULATE({Pairings}, fact_pairing_year[outcome] = \"Incomplete\")", "#,0", "pairings_incomplete"),
        new("fact_pairing_year", "Pairings separated", $"CALCULATE({Pairings}, fact_pairing_year[outcome] = \"Separated\")", "#,0", "pairings_separated"),
        new("fact_pairing_year", "Pairings in progress", $"CALCULATE({Pairings}, fact_pairing_year[outcome] = \"InProgress\")", "#,0", "pairings_in_progress"),
        new("fact_pairing_year", "Mentors assigned within two weeks of hire", $"CALCULATE({Pairings}, fact_pairing_year[assigned_within_two_weeks] = TRUE())", "#,0",
            "pairings_assigned_within_two_weeks"),
        new("fact_pairing_year", "Hours together outside the contract day (confirmed)", "SUM(fact_pairing_year[confirmed_hours_outside])", "#,0.0", "hours_total"),
        new("fact_interaction", "Hours together, all confirmed time", "DIVIDE(CALCULATE(SUM(fact_interaction[minutes]), fact_interaction[confirmed] = TRUE()), 60)", "#,0.0",
            "hours_together_confirmed"),
        new("fact_pairing_year", "Median hours per pairing", "MEDIAN(fact_pairing_year[confirmed_hours_outside])", "#,0.0", "hours_median"),
        new("fact_pairing_year", "Share meeting the hours requirement",
            $"DIVIDE(CALCULATE({Pairings}, fact_pairing_year[requirement_met] = TRUE(), {Finished}), CALCULATE({Pairings}, {Finished}))", "0.0%", "share_meeting_requirement"),
        new("fact_pairing_year", "Beginning educator retention",
            $"DIVIDE({Mentees} - CALCULATE({Mentees}, fact_pairing_year[mentee_retained] = FALSE()), {Mentees})", "0.0%", "mentee_retention_rate"),
        new("fact_pairing_year", "Mentees who left the district", $"CALCULATE({Mentees}, fact_pairing_year[mentee_retained] = FALSE())", "#,0", "mentees_left_district"),
        new("fact_pairing_year", "Mentor satisfaction", "AVERAGE(fact_pairing_year[mentor_satisfaction])", "0.00", "satisfaction_mentors"),
        new("fact_pairing_year", "Mentor satisfaction: respondents", "COUNT(fact_pairing_year[mentor_satisfaction])", "#,0", "satisfaction_mentor_respondents"),
        new("fact_pairing_year", "Mentee satisfaction", "AVERAGE(fact_pairing_year[mentee_satisfaction])", "0.00", "satisfaction_mentees"),
        new("fact_pairing_year", "Mentee satisfaction: respondents", "COUNT(fact_pairing_year[mentee_satisfaction])", "#,0", "satisfaction_mentee_respondents"),
        new("fact_observation", "Release time: substitute hours used", "SUM(fact_observation[substitute_hours])", "#,0.0", "substitute_hours"),
        new("dim_mentor", "Incentives: stipends paid", "SUM(dim_mentor[stipend])", "$#,0.00", "incentive_spend"),
        new("dim_mentor", "Spend per mentee", $"DIVIDE(SUM(dim_mentor[stipend]), {Mentees})", "$#,0.00", "spend_per_mentee"),
        new("dim_mentor", "Incentives: PDPs awarded", "SUM(dim_mentor[pdps])", "#,0", "pdps_awarded"),
        new("fact_observation", "Classroom observations: mentor observes mentee", "CALCULATE(COUNTROWS(fact_observation), fact_observation[observation_type] = \"MentorObservesMentee\")", "#,0",
            "observations_mentor_observes_mentee"),
        new("fact_observation", "Classroom observations: mentee observes mentor", "CALCULATE(COUNTROWS(fact_observation), fact_observation[observation_type] = \"MenteeObservesMentor\")", "#,0",
            "observations_mentee_observes_mentor"),
        new("fact_observation", "Classroom observations: joint observation", "CALCULATE(COUNTROWS(fact_observation), fact_observation[observation_type] = \"JointObservation\")", "#,0",
            "observations_joint_observation"),
        .. DistrictFiguresFrequencies(),
        new("fact_interaction", "Meetings and conversations logged", "COUNTROWS(fact_interaction)", "#,0", null),
        new("fact_interaction", "Logged hours, confirmed or not, in or outside the contract day", "DIVIDE(SUM(fact_interaction[minutes]), 60)", "#,0.0", null),
        new("fact_observation", "Observation cycles", "COUNTROWS(fact_observation)", "#,0", null),
    ];

    /// <summary>The project's files, by path relative to its folder.</summary>
    public static IReadOnlyDictionary<string, string> Files()
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            [$"{Name}.pbip"] = $$"""
                {
                  "version": "1.0",
                  "artifacts": [ { "report": { "path": "{{Name}}.Report" } } ],
                  "settings": { "enableAutoRecovery": true }
                }

                """,
            [$"{Name}.Report/definition.pbir"] = $$"""
                {
                  "version": "4.0",
                  "datasetReference": { "byPath": { "path": "../{{Name}}.SemanticModel" } }
                }

                """,
            [$"{Name}.Report/report.json"] = """
                {
                  "config": "{\"version\":\"5.43\",\"themeCollection\":{}}",
                  "layoutOptimization": 0,
                  "resourcePackages": [],
                  "sections": [
                    { "displayName": "Induction and mentoring", "displayOption": 1, "filters": "[]", "height": 720, "name": "ReportSection", "ordinal": 0, "visualContainers": [], "width": 1280 }
                  ]
                }

                """,
            [$"{Name}.SemanticModel/definition.pbism"] = """
                {
                  "version": "4.0",
                  "settings": {}
                }

                """,
            [$"{Name}.SemanticModel/definition/database.tmdl"] = "database\n\tcompatibilityLevel: 1567\n",
            [$"{Name}.SemanticModel/definition/model.tmdl"] =
                "model Model\n\tculture: en-US\n\tdefaultPowerBIDataSourceVersion: powerBI_V3\n\tsourceQueryCulture: en-US\n\n" +
                string.Concat(Tables.Select(t => $"ref table {t.Table}\n")),
            [$"{Name}.SemanticModel/definition/expressions.tmdl"] =
                "/// A district's own Power BI folder ({year}/districts/{id}/powerbi/), ending in a path separator.\n" +
                "expression ParquetFolder = \"C:\\\\MentorFlow\\\\reports\\\\2026-2027\\\\districts\\\\demo-district\\\\powerbi\\\\\" meta [IsParameterQuery=true, Type=\"Text\", IsParameterQueryRequired=true]\n" +
                $"\tlineageTag: {Tag("expression/ParquetFolder")}\n",
            [$"{Name}.SemanticModel/definition/relationships.tmdl"] = string.Concat(Relationships.Select(r =>
                $"relationship {Tag($"relationship/{r.From}/{r.To}")}\n\tfromColumn: {r.From}\n\ttoColumn: {r.To}\n\n")),
        };
        foreach (var (table, row) in Tables)
        {
            files[$"{Name}.SemanticModel/definition/tables/{table}.tmdl"] = Table(table, row);
        }

        return files;
    }

    /// <summary>Each table's column names, as the model declares them.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Columns() =>
        Tables.ToDictionary(t => t.Table, t => (IReadOnlyList<string>)[.. ColumnsOf(t.Row).Select(c => c.Name)]);

    /// <summary>Writes the project into <paramref name="folder"/>.</summary>
    public static void Write(string folder)
    {
        foreach (var (path, text) in Files())
        {
            var full = Path.Combine(folder, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, text, new UTF8Encoding(false));
        }
    }

    private static string Table(string table, Type row)
    {
        var text = new StringBuilder();
        text.Append("table ").Append(table).Append('\n').Append("\tlineageTag: ").Append(Tag($"table/{table}")).Append("\n\n");
        foreach (var (tableName, name, expression, format, _) in Measures.Where(m => m.Table == table))
        {
            text.Append(CultureInfo.InvariantCulture, $"\tmeasure '{name}' = {expression}\n\t\tformatString: {format}\n\t\tlineageTag: {Tag($"measure/{tableName}/{name}")}\n\n");
        }

        foreach (var (name, type) in ColumnsOf(row))
        {
            var key = name.EndsWith("_key", StringComparison.Ordinal);
            text.Append(CultureInfo.InvariantCulture, $"\tcolumn {name}\n\t\tdataType: {type}\n\t\tsummarizeBy: {(key || type is "string" or "boolean" or "dateTime" ? "none" : "sum")}\n");
            if (key)
            {
                text.Append("\t\tisHidden\n");
            }

            text.Append(CultureInfo.InvariantCulture, $"\t\tlineageTag: {Tag($"column/{table}/{name}")}\n\t\tsourceColumn: {name}\n\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"\tpartition {table} = m\n\t\tmode: import\n\t\tsource =\n")
            .Append("\t\t\t\tlet\n")
            .Append(CultureInfo.InvariantCulture, $"\t\t\t\t    Source = Parquet.Document(File.Contents(ParquetFolder & \"{table}.parquet\"))\n")
            .Append("\t\t\t\tin\n\t\t\t\t    Source\n");
        return text.ToString();
    }

    private static IEnumerable<(string Name, string Type)> ColumnsOf(Type row) =>
        row.GetProperties().Select(p => (p.GetCustomAttribute<JsonPropertyNameAttribute>()!.Name, (Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType) switch
        {
            var t when t == typeof(long) || t == typeof(int) => "int64",
            var t when t == typeof(double) => "double",
            var t when t == typeof(bool) => "boolean",
            var t when t == typeof(DateOnly) => "dateTime",
            _ => "string",
        }));

    private static IEnumerable<PowerBiMeasure> DistrictFiguresFrequencies() =>
        Figures.DistrictFigures.Frequencies.Select(f => new PowerBiMeasure("fact_pairing_year",
            $"Pairings meeting {f switch { "Weekly" => "weekly", "EveryTwoWeeks" => "every two weeks", "Monthly" => "monthly", _ => "less" }}",
            $"CALCULATE({Pairings}, fact_pairing_year[meeting_frequency] = \"{f}\", fact_pairing_year[outcome] <> \"Separated\")", "#,0",
            $"frequency_{f switch { "Weekly" => "weekly", "EveryTwoWeeks" => "every_two_weeks", "Monthly" => "monthly", _ => "less" }}"));

    // Lineage tags stay the same from one generation to the next, so Power BI keeps its visuals bound.
    private static Guid Tag(string name) => new(SHA256.HashData(Encoding.UTF8.GetBytes(name)).AsSpan(0, 16));
}
