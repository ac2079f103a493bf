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
        foreach (var row in rows)
        {
            for (var c = 0; c < headers.Count; c++)
            {
                Set(sheet.Cell(r, c + 1), row[c], headers[c].Format);
            }

            r++;
        }

        // A table needs a data row; an empty year gets one empty row.
        var range = sheet.Range(1, 1, Math.Max(2, r - 1), headers.Count);
        var table = range.CreateTable(tableName);
        table.Theme = XLTableTheme.TableStyleMedium2;
        sheet.SheetView.FreezeRows(1);
        sheet.PageSetup.SetRowsToRepeatAtTop(1, 1);
        sheet.PageSetup.PageOrientation = XLPageOrientation.Landscape;
        sheet.PageSetup.FitToPages(1, 0);
        return sheet;
    }

    /// <summary>Puts a value in a cell with its number or date format; null stays empty.</summary>
    public static void Set(IXLCell cell, object? value, string? format)
    {
        switch (value)
        {
            case null:
                return;
            case DateOnly date:
                cell.Value = date.ToDateTime(TimeOnly.MinValue);
                cell.Style.DateFormat.Format = format ?? "yyyy-mm-dd";
                return;
            case decimal number:
                cell.Value = number;
                break;
            case int number:
                cell.Value = number;
                break;
            case bool flag:
                cell.Value = flag ? "yes" : "no";
                return;
            default:
                cell.Value = value.ToString();
                return;
        }

        if (format is not null)
        {
            cell.Style.NumberFormat.Format = format;
        }
    }
}

/// <summary>A column: its header, its width in characters, and its Excel format.</summary>
/// <param name="Name">The header.</param>
/// <param name="Width">Width in characters.</param>
/// <param name="Format">The number or date format, when it has one.</param>
internal sealed record Column(string Name, double Width, string? Format = null);
