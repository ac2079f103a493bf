using MentorFlow.Reports.Figures;

namespace MentorFlow.Reports.Excel;

/// <summary>The Excel format of each kind of figure.</summary>
internal static class FigureFormats
{
    public static string For(FigureKind kind) => kind switch
    {
        FigureKind.Hours => "#,##0.0",
        FigureKind.Share => "0.0%",
        FigureKind.Rating => "0.00",
        FigureKind.Money => "$#,##0.00",
        _ => "#,##0",
    };
}
