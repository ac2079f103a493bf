using System.Reflection;
using System.Text.Json.Serialization;
using MentorFlow.Reports.Figures;
using MentorFlow.Reports.PowerBi;
using MentorFlow.Testing;

namespace MentorFlow.Reports.Tests;

public sealed class DataDictionaryTests
{
    private static readonly string Dictionary = File.ReadAllText(RepositoryRoot.Combine("reports", "README.md"));

    [Fact]
    public void Every_figure_key_is_defined_in_the_data_dictionary()
    {
        var missing = DistrictFigures.Compute(SampleYears.District("d", 3)).Select(f => f.Key)
            .Where(key => !Dictionary.Contains($"| `{key}` |", StringComparison.Ordinal));

        Assert.Empty(missing);
    }

    [Fact]
    public void Every_star_schema_column_is_defined_in_the_data_dictionary_under_its_table()
    {
        var missing = PowerBiProject.Columns().SelectMany(t => t.Value.Select(c => (Table: t.Key, Column: c)))
            .Where(c => !Section(c.Table).Contains($"| `{c.Column}` |", StringComparison.Ordinal)
                && !Dictionary.Contains($"| {c.Table} | `{c.Column}` |", StringComparison.Ordinal))
            .Select(c => $"{c.Table}.{c.Column}");

        Assert.Empty(missing);
    }

    [Fact]
    public void Every_published_Power_BI_column_is_defined_in_the_data_dictionary()
    {
        var published = new (string Table, Type Row)[] { ("fact_published_figure", typeof(PublishedFigureRow)), ("dim_district", typeof(PublishedDistrictRow)), ("dim_figure", typeof(FigureDefinitionRow)) };
        var missing = published.SelectMany(t => t.Row.GetProperties().Select(p => (t.Table, Column: p.GetCustomAttribute<JsonPropertyNameAttribute>()!.Name)))
            .Where(c => !Dictionary.Contains($"| {c.Table} | `{c.Column}` |", StringComparison.Ordinal))
            .Select(c => $"{c.Table}.{c.Column}");

        Assert.Empty(missing);
    }

    // The text under "### table — ..." up to the next heading, or nothing.
    private static string Section(string table)
    {
        var start = Dictionary.IndexOf($"### {table} ", StringComparison.Ordinal);
        if (start < 0)
        {
            return "";
        }

        var end = Dictionary.IndexOf("\n#", start + 4, StringComparison.Ordinal);
        return end < 0 ? Dictionary[start..] : Dictionary[start..end];
    }
}
