using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Serialization;

namespace MentorFlow.Reports.PowerBi;

/// <summary>
/// The Power BI project (PBIP, semantic model in TMDL) analysts open: it reads the star schema's Parquet folder given as
/// the <c>ParquetFolder</c> parameter, with the relationships and the program's measures. It is generated from the same
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
        ("dim_pairing", typeof(PairingRow)), ("dim_activity_type", typeof(ActivityTypeRow)),
    ];

    private static readonly (string From, string To)[] Relationships =
    [
        ("fact_interaction.pairing_key", "dim_pairing.pairing_key"), ("fact_interaction.date_key", "dim_date.date_key"),
        ("fact_interaction.activity_type_key", "dim_activity_type.activity_type_key"),
        ("fact_observation.pairing_key", "dim_pairing.pairing_key"), ("fact_observation.date_key", "dim_date.date_key"),
        ("fact_pairing_year.pairing_key", "dim_pairing.pairing_key"), ("fact_pairing_year.start_date_key", "dim_date.date_key"),
        ("dim_pairing.school_key", "dim_school.school_key"), ("dim_school.district_key", "dim_district.district_key"),
    ];

    private static readonly (string Table, string Name, string Expression, string Format)[] Measures =
    [
        ("fact_pairing_year", "Mentees served", "COUNTROWS(fact_pairing_year)", "#,0"),
        ("fact_pairing_year", "Hours per pairing", "AVERAGE(fact_pairing_year[confirmed_hours])", "#,0.0"),
        ("fact_pairing_year", "Share meeting hours requirement",
            "DIVIDE(CALCULATE(COUNTROWS(fact_pairing_year), fact_pairing_year[requirement_met] = TRUE(), fact_pairing_year[outcome] IN {\"Completed\", \"Incomplete\"}), CALCULATE(COUNTROWS(fact_pairing_year), fact_pairing_year[outcome] IN {\"Completed\", \"Incomplete\"}))",
            "0.0%"),
        ("fact_pairing_year", "Share meeting weekly",
            "DIVIDE(CALCULATE(COUNTROWS(fact_pairing_year), fact_pairing_year[meeting_frequency] = \"Weekly\", fact_pairing_year[outcome] <> \"Separated\"), CALCULATE(COUNTROWS(fact_pairing_year), fact_pairing_year[outcome] <> \"Separated\"))",
            "0.0%"),
        ("fact_pairing_year", "Retention rate", "DIVIDE(CALCULATE(COUNTROWS(fact_pairing_year), fact_pairing_year[mentee_retained] = TRUE()), COUNTROWS(fact_pairing_year))", "0.0%"),
        ("fact_interaction", "Meetings logged", "COUNTROWS(fact_interaction)", "#,0"),
        ("fact_interaction", "Hours together", "DIVIDE(SUM(fact_interaction[minutes]), 60)", "#,0.0"),
        ("fact_observation", "Observation cycles", "COUNTROWS(fact_observation)", "#,0"),
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
                "/// The folder that holds manifest.json and the Parquet files, ending in a path separator.\n" +
                "expression ParquetFolder = \"C:\\\\MentorFlow\\\\reports\\\\powerbi\\\\2026-2027\\\\\" meta [IsParameterQuery=true, Type=\"Text\", IsParameterQueryRequired=true]\n" +
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
        foreach (var (tableName, name, expression, format) in Measures.Where(m => m.Table == table))
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
        row.GetProperties().Select(p => (p.GetCustomAttribute<JsonPropertyNameAttribute>()!.Name, p.PropertyType switch
        {
            _ when p.PropertyType == typeof(long) || p.PropertyType == typeof(int) => "int64",
            _ when p.PropertyType == typeof(double) => "double",
            _ when p.PropertyType == typeof(bool) => "boolean",
            _ when p.PropertyType == typeof(DateTime) => "dateTime",
            _ => "string",
        }));

    // Lineage tags stay the same from one generation to the next, so Power BI keeps its visuals bound.
    private static Guid Tag(string name) => new(SHA256.HashData(Encoding.UTF8.GetBytes(name)).AsSpan(0, 16));
}
