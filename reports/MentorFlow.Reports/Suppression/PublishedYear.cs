using System.Runtime.ExceptionServices;
using MentorFlow.Reports.Figures;
using MentorFlow.Reports.Input;

namespace MentorFlow.Reports.Suppression;

/// <summary>
/// Everything a program year publishes, suppressed once and together: every district's figures and the statewide
/// total. The state workbook, the report documents and the published Power BI files all read these rows, so a figure
/// suppressed in one is suppressed in all and none gives back another's.
/// </summary>
/// <param name="ProgramYear">The program year.</param>
/// <param name="Rows">The districts (by id), then the statewide row.</param>
public sealed record PublishedYear(string ProgramYear, IReadOnlyList<PublishedRow> Rows)
{
    /// <summary>The id of the statewide row.</summary>
    public const string StatewideId = "statewide";

    /// <summary>The year's published figures.</summary>
    public static PublishedYear Of(string programYear, IReadOnlyList<DistrictYear> districts)
    {
        ArgumentNullException.ThrowIfNull(districts);
        var ordered = districts.OrderBy(d => d.DistrictId, StringComparer.Ordinal).ToList();
        // Each report is its own district's, so they are computed on every core (the statewide one beside them) and kept in order.
        var statewideTask = Task.Run(() => DistrictFigures.Report(Input.Statewide.Of(programYear, districts)));
        var reports = new DistrictReport[ordered.Count];
        try
        {
            Parallel.For(0, ordered.Count, i => reports[i] = DistrictFigures.Report(ordered[i]));
        }
        catch (AggregateException failed) when (failed.InnerExceptions.Count == 1)
        {
            // Thrown as it was before the reports ran in parallel, not wrapped.
            ExceptionDispatchInfo.Throw(failed.InnerExceptions[0]);
        }

        var statewide = statewideTask.GetAwaiter().GetResult();
        var published = SmallCellSuppression.Publish(reports, statewide);
        return new PublishedYear(programYear, [.. reports.Append(statewide).Select((r, i) => new PublishedRow(r.DistrictId, r.DistrictName, published[i]))]);
    }

    /// <summary>The statewide row.</summary>
    public PublishedRow Statewide => Rows[^1];
}
