using MentorFlow.Reports.PowerBi;
using MentorFlow.Testing;

namespace MentorFlow.Reports.Tests.PowerBi;

public sealed class PowerBiProjectTests
{
    private static readonly string Folder = RepositoryRoot.Combine("reports", "powerbi");

    [Fact]
    public void The_checked_in_project_is_what_the_generator_writes()
    {
        // Re-generate after changing the star schema: MENTORFLOW_RECORD_PBIP=1 dotnet test tests/MentorFlow.Reports.Tests
        if (Environment.GetEnvironmentVariable("MENTORFLOW_RECORD_PBIP") == "1")
        {
            PowerBiProject.Write(Folder);
        }

        foreach (var (path, text) in PowerBiProject.Files())
        {
            var file = Path.Combine(Folder, path);
            Assert.True(File.Exists(file), $"{path} is missing from reports/powerbi; regenerate with MENTORFLOW_RECORD_PBIP=1");
            Assert.True(File.ReadAllText(file) == text, $"{path} differs from the generator; regenerate with MENTORFLOW_RECORD_PBIP=1");
        }
    }

    [Fact]
    public async Task The_model_declares_exactly_the_columns_the_Parquet_files_have_and_its_relationships_join_them()
    {
        var folder = Directory.CreateTempSubdirectory("mentorflow-pbip-");
        try
        {
            var manifest = await StarSchemaWriter.WriteAsync(StarSchema.Build(SampleYears.District("d", 8)), "2026-2027", folder.FullName, default);
            var model = PowerBiProject.Columns();

            Assert.Equal(manifest.Tables.Select(t => t.Table).Order(StringComparer.Ordinal), model.Keys.Order(StringComparer.Ordinal));
            foreach (var table in manifest.Tables)
            {
                Assert.Equal(table.Columns.Select(c => c.Name), model[table.Table]);
            }

            var relationships = PowerBiProject.Files().Single(f => f.Key.EndsWith("relationships.tmdl", StringComparison.Ordinal)).Value;
            foreach (var line in relationships.Split('\n').Where(l => l.Contains("Column: ", StringComparison.Ordinal)))
            {
                var (table, column) = (line.Split(": ")[1].Split('.')[0], line.Split(": ")[1].Split('.')[1]);
                Assert.Contains(column, model[table]);
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
