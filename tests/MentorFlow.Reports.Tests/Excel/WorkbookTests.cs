using ClosedXML.Excel;
using MentorFlow.Reports.Excel;
using MentorFlow.Reports.Figures;

namespace MentorFlow.Reports.Tests.Excel;

public sealed class WorkbookTests
{
    [Fact]
    public void The_district_workbook_holds_every_figure_and_list_as_real_tables_that_read_back()
    {
        var year = SampleYears.District("d1", 10);
        using var file = new MemoryStream();

        DistrictWorkbook.Write(year, file);

        file.Position = 0;
        using var workbook = new XLWorkbook(file);
        Assert.Equal(["Summary", "Pairings", "Meetings by week", "Observations", "Beginning teachers", "Mentors"], workbook.Worksheets.Select(w => w.Name));
        var summary = workbook.Worksheet("Summary");
        var table = summary.Table("Figures");
        foreach (var figure in DistrictFigures.Compute(year))
        {
            var row = table.DataRange.Rows().Single(r => r.Cell(1).GetString() == figure.Key);
            Assert.Equal(figure.Value, row.Cell(3).IsEmpty() ? null : row.Cell(3).GetValue<decimal>());
            Assert.False(string.IsNullOrWhiteSpace(row.Cell(4).GetString()), $"{figure.Key} has no definition beside it");
        }

        Assert.Equal(10, workbook.Worksheet("Pairings").Table("Pairings").DataRange.RowCount());
        Assert.Equal(10, workbook.Worksheet("Beginning teachers").Table("BeginningTeachers").DataRange.RowCount());
        Assert.Equal(5, workbook.Worksheet("Mentors").Table("Mentors").DataRange.RowCount());
        var firstWeek = workbook.Worksheet("Meetings by week").Cell(2, 1);
        Assert.Equal(new DateTime(2026, 9, 7), firstWeek.GetDateTime());
        Assert.Equal(10, workbook.Worksheet("Meetings by week").Cell(2, 2).GetValue<int>());
        // Dates and figures carry their Excel formats, on every data row.
        Assert.Equal("yyyy-mm-dd", firstWeek.Style.NumberFormat.Format);
        var pairings = workbook.Worksheet("Pairings");
        Assert.All(Enumerable.Range(2, 10), r => Assert.Equal("yyyy-mm-dd", pairings.Cell(r, 7).Style.NumberFormat.Format));
        Assert.All(Enumerable.Range(2, 10), r => Assert.Equal("0.0", pairings.Cell(r, 9).Style.NumberFormat.Format));
        Assert.Equal("$#,##0.00", workbook.Worksheet("Mentors").Cell(3, 6).Style.NumberFormat.Format);
        Assert.All(workbook.Worksheets, sheet => Assert.Equal(1, sheet.SheetView.SplitRow));
        Assert.Contains("State university", summary.CellsUsed().Select(c => c.GetString()));
    }

    [Fact]
    public void The_state_workbook_is_de_identified_and_its_suppressed_cells_are_empty_and_listed()
    {
        var big = SampleYears.District("big", 20);
        var small = SampleYears.District("small", 4);
        using var file = new MemoryStream();

        StateWorkbook.Write("2026-2027", [big, small], file);

        file.Position = 0;
        using var workbook = new XLWorkbook(file);
        var sheet = workbook.Worksheet("Districts");
        var headers = sheet.Row(1).CellsUsed().Select(c => c.GetString()).ToList();
        var served = headers.IndexOf("Beginning educators served") + 1;
        var suppressed = headers.IndexOf("Suppressed") + 1;
        var smallRow = sheet.RowsUsed().Single(r => r.Cell(1).GetString() == "small");
        Assert.True(smallRow.Cell(served).IsEmpty());
        Assert.Equal(StateWorkbook.SuppressedFill, smallRow.Cell(served).Style.Fill.BackgroundColor);
        Assert.Contains("beginning_teachers_served", smallRow.Cell(suppressed).GetString(), StringComparison.Ordinal);
        var statewide = sheet.RowsUsed().Single(r => r.Cell(1).GetString() == "statewide");
        Assert.Equal(24, statewide.Cell(served).GetValue<int>());
        var text = string.Join(" ", workbook.Worksheets.SelectMany(w => w.CellsUsed()).Select(c => c.GetString()));
        Assert.DoesNotContain("Teacher T", text, StringComparison.Ordinal); // no names
        Assert.DoesNotContain("Mentor 0", text, StringComparison.Ordinal);
    }
}
