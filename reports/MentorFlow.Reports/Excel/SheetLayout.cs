using ClosedXML.Excel;

namespace MentorFlow.Reports.Excel;

/// <summary>
/// How every sheet of the workbooks is laid out: a real Excel table with a frozen header that prints on every page, and
/// column widths set by hand (ClosedXML's AdjustToContents needs libgdiplus, which Azure's Linux hosts lack).
/// </summary>
internal static class SheetLayout
{
    /// <summary>Writes <paramref name="rows"/> under <paramref name="headers"/> as table <paramref name="tableName"/>; returns the sheet.</summary>
    public static IXLWorksheet Table(XLWorkbook workbook, string sheetName, string tableName, IReadOnlyList<Column> headers, IEnumerable<object?[]> rows)
    {
        var sheet = workbook.AddWorksheet(sheetName);
        for (var c = 0; c < headers.Count; c++)
        {
            sheet.Cell(1, c + 1).Value = headers[c].Name;
            sheet.Column(c + 1).Width = headers[c].Width;
        }

        var r = 2;
        var dates = new bool[headers.Count];
        foreach (var row in rows)
        {
            for (var c = 0; c < headers.Count; c++)
            {
                dates[c] |= Set(sheet.Cell(r, c + 1), row[c]);
            }

            r++;
        }

        // A table needs a data row; an empty year gets one empty row.
        var lastRow = Math.Max(2, r - 1);
        for (var c = 0; c < headers.Count; c++)
        {
            // One style for the column's data, not one per cell: ClosedXML's per-cell styles are most of a workbook's time.
            if ((headers[c].Format ?? (dates[c] ? "yyyy-mm-dd" : null)) is { } format)
            {
                sheet.Range(2, c + 1, lastRow, c + 1).Style.NumberFormat.Format = format;
            }
        }

        var range = sheet.Range(1, 1, lastRow, headers.Count);
        var table = range.CreateTable(tableName);
        table.Theme = XLTableTheme.TableStyleMedium2;
        sheet.SheetView.FreezeRows(1);
        sheet.PageSetup.SetRowsToRepeatAtTop(1, 1);
        sheet.PageSetup.PageOrientation = XLPageOrientation.Landscape;
        sheet.PageSetup.FitToPages(1, 0);
        return sheet;
    }

    /// <summary>Puts a value in a cell (its format is the column's); null stays empty. True when the value is a date.</summary>
    private static bool Set(IXLCell cell, object? value)
    {
        switch (value)
        {
            case null:
                return false;
            case DateOnly date:
                cell.Value = date.ToDateTime(TimeOnly.MinValue);
                return true;
            case decimal number:
                cell.Value = number;
                return false;
            case int number:
                cell.Value = number;
                return false;
            case bool flag:
                cell.Value = flag ? "yes" : "no";
                return false;
            default:
                cell.Value = value.ToString();
                return false;
        }
    }
}

/// <summary>A column: its header, its width in characters, and its Excel format.</summary>
/// <param name="Name">The header.</param>
/// <param name="Width">Width in characters.</param>
/// <param name="Format">The number or date format, when it has one.</param>
internal sealed record Column(string Name, double Width, string? Format = null);
