using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Parquet.Serialization;

namespace MentorFlow.Reports.PowerBi;

/// <summary>One file of the star schema, as the manifest lists it.</summary>
/// <param name="Table">The table, e.g. fact_interaction.</param>
/// <param name="Parquet">The Parquet file, relative to the schema's folder.</param>
/// <param name="Csv">The CSV copy; null where only Parquet is written (a district's own files, read by its Power BI model).</param>
/// <param name="Rows">Rows in it.</param>
/// <param name="Columns">Each column's name and type.</param>
public sealed record ManifestTable(string Table, string Parquet, string? Csv, int Rows, IReadOnlyList<ManifestColumn> Columns);

/// <summary>A column in the manifest.</summary>
/// <param name="Name">The column.</param>
/// <param name="Type">int64, int32, double, boolean, string or date (any may be empty where the dictionary says so).</param>
public sealed record ManifestColumn(string Name, string Type);

/// <summary>The manifest: what the folder holds, so a reader (Power BI, a script) checks it before loading.</summary>
/// <param name="SchemaVersion">The star schema's shape.</param>
/// <param name="ProgramYear">The program year.</param>
/// <param name="Tables">The tables.</param>
public sealed record Manifest(int SchemaVersion, string ProgramYear, IReadOnlyList<ManifestTable> Tables)
{
    /// <summary>The shape written now.</summary>
    public const int CurrentSchemaVersion = 2;
}

/// <summary>Writes Power BI tables as Parquet (for Power BI) and CSV (for anyone), with <c>manifest.json</c>.</summary>
public static class StarSchemaWriter
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>
    /// Writes every table of a district's own <paramref name="schema"/> into <paramref name="folder"/> as Parquet only (its
    /// Power BI model reads nothing else, and a CSV copy per table and district would double the files); returns the manifest.
    /// </summary>
    public static async Task<Manifest> WriteAsync(StarSchema schema, string programYear, string folder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schema);
        Directory.CreateDirectory(folder);
        return WriteManifest(programYear, folder,
        [
            await TableAsync("fact_interaction", schema.Interactions, folder, csv: false, cancellationToken),
            await TableAsync("fact_observation", schema.Observations, folder, csv: false, cancellationToken),
            await TableAsync("fact_pairing_year", schema.PairingYears, folder, csv: false, cancellationToken),
            await TableAsync("dim_date", schema.Dates, folder, csv: false, cancellationToken),
            await TableAsync("dim_district", schema.Districts, folder, csv: false, cancellationToken),
            await TableAsync("dim_school", schema.Schools, folder, csv: false, cancellationToken),
            await TableAsync("dim_pairing", schema.Pairings, folder, csv: false, cancellationToken),
            await TableAsync("dim_mentor", schema.Mentors, folder, csv: false, cancellationToken),
            await TableAsync("dim_activity_type", schema.ActivityTypes, folder, csv: false, cancellationToken),
        ], cancellationToken);
    }

    /// <summary>Writes the published <paramref name="tables"/> into <paramref name="folder"/>; returns the manifest.</summary>
    public static async Task<Manifest> WriteAsync(PublishedTables tables, string programYear, string folder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tables);
        Directory.CreateDirectory(folder);
        return WriteManifest(programYear, folder,
        [
            await TableAsync("fact_published_figure", tables.Figures, folder, csv: true, cancellationToken),
            await TableAsync("dim_district", tables.Districts, folder, csv: true, cancellationToken),
            await TableAsync("dim_figure", tables.Definitions, folder, csv: true, cancellationToken),
        ], cancellationToken);
    }

    private static Manifest WriteManifest(string programYear, string folder, List<ManifestTable> tables, CancellationToken cancellationToken)
    {
        var manifest = new Manifest(Manifest.CurrentSchemaVersion, programYear, tables);
        cancellationToken.ThrowIfCancellationRequested();
        FreshFile.WriteAllText(Path.Combine(folder, "manifest.json"), JsonSerializer.Serialize(manifest, Json));
        return manifest;
    }

    private static async Task<ManifestTable> TableAsync<T>(string table, IReadOnlyList<T> rows, string folder, bool csv, CancellationToken cancellationToken)
        where T : new()
    {
        var parquet = $"{table}.parquet";
        // Serialized in memory and written in one go: the serializer's many small writes cost more than the file's bytes.
        using (var buffer = new MemoryStream())
        {
            await ParquetSerializer.SerializeAsync(rows, buffer, cancellationToken: cancellationToken);
            // Written synchronously: a small file's asynchronous write is a thread-pool hop around the same system calls.
            FreshFile.WriteAllBytes(Path.Combine(folder, parquet), buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
        }

        var columns = Columns<T>.Properties;
        var manifestColumns = Columns<T>.Manifest;
        if (!csv)
        {
            return new ManifestTable(table, parquet, null, rows.Count, manifestColumns);
        }

        var csvFile = $"{table}.csv";
        var text = new StringBuilder();
        text.AppendJoin(',', columns.Select(c => c.Name)).Append('\n');
        foreach (var row in rows)
        {
            text.AppendJoin(',', columns.Select(c => Field(c.Property.GetValue(row)))).Append('\n');
        }

        await File.WriteAllTextAsync(Path.Combine(folder, csvFile), text.ToString(), new UTF8Encoding(true), cancellationToken);
        return new ManifestTable(table, parquet, csvFile, rows.Count, manifestColumns);
    }

    // A row type's columns, read by reflection once per type rather than once per table and district.
    private static class Columns<T>
    {
        public static readonly List<(PropertyInfo Property, string Name)> Properties =
            [.. typeof(T).GetProperties().Select(p => (Property: p, Name: p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? p.Name))];

        public static readonly IReadOnlyList<ManifestColumn> Manifest = [.. Properties.Select(c => new ManifestColumn(c.Name, TypeName(c.Property.PropertyType)))];
    }

    private static string Field(object? value) => value switch
    {
        null => "",
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        bool flag => flag ? "true" : "false",
        string text when text.IndexOfAny([',', '"', '\n']) >= 0 => $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"",
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string TypeName(Type type) => (Nullable.GetUnderlyingType(type) ?? type) switch
    {
        var t when t == typeof(long) => "int64",
        var t when t == typeof(int) => "int32",
        var t when t == typeof(double) => "double",
        var t when t == typeof(bool) => "boolean",
        var t when t == typeof(DateOnly) => "date",
        _ => "string",
    };
}
