using System.Globalization;
using System.Text;
using CsvHelper;
using MentorFlow.Functions.Api;
using MentorFlow.Functions.Staff;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace MentorFlow.Functions.Coordinator;

/// <summary>The coordinator's CSV download: the same rows as the table, with the same filters, ready for Excel.</summary>
public sealed class CoordinatorFunctions(CoordinatorBoard board)
{
    /// <summary><c>GET /coordinator/pairings.csv</c>: the dashboard's rows, filtered and sorted as on the page, as a spreadsheet.</summary>
    [Function("DownloadPairings")]
    public Task<IActionResult> DownloadPairings(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "coordinator/pairings.csv")] HttpRequest request, [DurableClient] DurableTaskClient engine,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        // The board reads each year's stage through the engine client bound to this invocation.
        ArgumentNullException.ThrowIfNull(engine);
        return request.ForStaffAsync(StaffPolicies.Coordinator, async () =>
        {
            var query = request.Query;
            var descending = bool.TryParse(query["desc"], out var d) && d;
            var view = await board.BuildAsync(new BoardQuery(query["school"], query["stage"], query["flag"], query["sort"], descending), cancellationToken);
            return Results.File(Csv(view.Rows), "text/csv; charset=utf-8", "pairings.csv");
        });
    }

    /// <summary>
    /// The rows as CSV (UTF-8 with a byte-order mark, so Excel reads names with accents right); text that Excel would
    /// take for a formula is neutralized (<see cref="SpreadsheetText"/>).
    /// </summary>
    public static byte[] Csv(IEnumerable<CoordinatorRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        using var buffer = new MemoryStream();
        using (var writer = new StreamWriter(buffer, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)))
        using (var csv = new CsvWriter(writer, CultureInfo.InvariantCulture))
        {
            foreach (var header in new[]
            {
                "pairingId", "districtId", "school", "mentor", "mentee", "stage", "daysInStage", "waitingFor", "confirmedHours", "expectedHours",
                "requiredHours", "meetingFrequency", "lastMeeting", "weeksWithoutMeeting", "mentorObservesMentee", "menteeObservesMentor",
                "jointObservations", "flags",
            })
            {
                csv.WriteField(header);
            }

            csv.NextRecord();
            foreach (var r in rows)
            {
                csv.WriteField(SpreadsheetText.Neutralized(r.PairingId));
                csv.WriteField(SpreadsheetText.Neutralized(r.DistrictId));
                csv.WriteField(SpreadsheetText.Neutralized(r.School));
                csv.WriteField(SpreadsheetText.Neutralized(r.Mentor));
                csv.WriteField(SpreadsheetText.Neutralized(r.Mentee));
                csv.WriteField(SpreadsheetText.Neutralized(r.Stage));
                csv.WriteField(r.DaysInStage);
                csv.WriteField(SpreadsheetText.Neutralized(r.WaitingFor));
                csv.WriteField(r.ConfirmedHours.ToString("0.##", CultureInfo.InvariantCulture));
                csv.WriteField(r.ExpectedHours.ToString("0.##", CultureInfo.InvariantCulture));
                csv.WriteField(r.RequiredHours.ToString("0.##", CultureInfo.InvariantCulture));
                csv.WriteField(r.Frequency?.ToString());
                csv.WriteField(r.LastMeeting?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                csv.WriteField(r.WeeksWithoutMeeting);
                csv.WriteField(r.MentorObservesMentee);
                csv.WriteField(r.MenteeObservesMentor);
                csv.WriteField(r.JointObservations);
                csv.WriteField(SpreadsheetText.Neutralized(string.Join(' ', r.Flags)));
                csv.NextRecord();
            }
        }

        return buffer.ToArray();
    }
}
