using System.Text.Json;
using MentorFlow.Reports.Documents;

namespace MentorFlow.Reports.Tests.Documents;

public sealed class ReportDocumentTests
{
    [Fact]
    public async Task District_and_state_documents_are_written_suppressed_and_versioned()
    {
        var folder = Directory.CreateTempSubdirectory("mentorflow-docs-");
        try
        {
            var small = SampleYears.District("small", 4);
            var big = SampleYears.District("big", 20);
            var writer = new JsonFileReportDocumentWriter(folder.FullName);

            await writer.WriteAsync(ReportDocument.ForDistrict(small), default);
            await writer.WriteAsync(ReportDocument.ForState("2026-2027", [small, big]), default);

            using var district = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(folder.FullName, "2026-2027", "documents", "small.json")));
            Assert.Equal(ReportDocument.CurrentSchemaVersion, district.RootElement.GetProperty("schemaVersion").GetInt32());
            Assert.Equal("2026-2027_small", district.RootElement.GetProperty("id").GetString());
            var served = district.RootElement.GetProperty("figures").EnumerateArray().Single(f => f.GetProperty("key").GetString() == "beginning_teachers_served");
            Assert.True(served.GetProperty("suppressed").GetBoolean());
            Assert.Equal(JsonValueKind.Null, served.GetProperty("value").ValueKind);
            using var state = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(folder.FullName, "2026-2027", "documents", "statewide.json")));
            var total = state.RootElement.GetProperty("figures").EnumerateArray().Single(f => f.GetProperty("key").GetString() == "beginning_teachers_served");
            Assert.Equal(24, total.GetProperty("value").GetInt32());
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void No_report_input_has_anywhere_to_hold_a_mentoring_note()
    {
        var inputTypes = typeof(MentorFlow.Reports.Input.DistrictYear).Assembly.GetTypes()
            .Where(t => t.Namespace == "MentorFlow.Reports.Input");

        var noteLike = inputTypes.SelectMany(t => t.GetProperties().Select(p => $"{t.Name}.{p.Name}"))
            .Where(name => name.Contains("Note", StringComparison.OrdinalIgnoreCase) || name.Contains("Comment", StringComparison.OrdinalIgnoreCase));

        Assert.Empty(noteLike);
    }
}
