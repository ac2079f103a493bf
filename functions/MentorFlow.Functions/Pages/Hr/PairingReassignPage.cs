using System.Globalization;
using MentorFlow.Core.Educators;
using MentorFlow.Functions.Api;
using MentorFlow.Functions.Pairings;
using MentorFlow.Functions.Records;
using MentorFlow.Functions.Staff;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace MentorFlow.Functions.Pages.Hr;

/// <summary>The reassign form as typed (kept after an error).</summary>
/// <param name="EmployeeId">The new mentor's employee id.</param>
/// <param name="Name">The new mentor's name.</param>
/// <param name="Email">The new mentor's work email.</param>
/// <param name="Role">The new mentor's role (code of <see cref="EducatorRole"/>).</param>
/// <param name="School">The new mentor's school.</param>
/// <param name="YearsOfExperience">Years in the role, as typed.</param>
/// <param name="MentorTrainedOn">When mentor training was completed, as typed.</param>
/// <param name="EligibilityOverride">Why a mentor who is not eligible is accepted.</param>
/// <param name="FirstDay">The first day with the new mentor, as typed.</param>
public sealed record ReassignForm(
    string? EmployeeId, string? Name, string? Email, string? Role, string? School, string? YearsOfExperience, string? MentorTrainedOn,
    string? EligibilityOverride, string? FirstDay);

/// <summary>What the reassign page shows.</summary>
/// <param name="Record">The pairing whose mentee gets another mentor.</param>
/// <param name="Form">The form as typed.</param>
/// <param name="Errors">What to fix, beside each field.</param>
/// <param name="FormToken">The antiforgery token the form posts.</param>
public sealed record ReassignView(PairingRecord Record, ReassignForm Form, FieldErrors Errors, string? FormToken);

/// <summary>
/// Give a pairing's mentee another mentor (<c>/hr/pairings/{pairingId}/reassign</c>): the old pairing ends the day before the
/// first day with the new mentor, and the new pairing starts its year. For HR and the coordinator.
/// </summary>
public sealed class PairingReassignPage(PageRenderer pages, PageNotice notices, IAntiforgery antiforgery, PairingEnding ending, PairingReassignment reassignment)
{
    private const string Title = "Give the mentee another mentor";

    /// <summary><c>GET /hr/pairings/{pairingId}/reassign</c>: the form.</summary>
    [Function("PairingReassignPage")]
    public async Task<IActionResult> Show(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "hr/pairings/{pairingId}/reassign")] HttpRequest request, string pairingId,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (await StaffAccess.CheckAsync(request.HttpContext, StaffPolicies.HrOrCoordinator) is { } refused)
        {
            return refused.AsAction();
        }

        if (await ending.FindAsync(pairingId, cancellationToken) is not { } record)
        {
            return TypedResults.NotFound().AsAction();
        }

        var blank = new ReassignForm(null, null, null, nameof(EducatorRole.Teacher), record.Pairing.School, null, null, null, null);
        return (await ShowAsync(request.HttpContext, record, blank, new FieldErrors(), StatusCodes.Status200OK)).AsAction();
    }

    /// <summary><c>POST /hr/pairings/{pairingId}/reassign</c>: reassigns, or shows the form again with what to fix.</summary>
    [Function("PairingReassignPagePost")]
    public async Task<IActionResult> Post(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "hr/pairings/{pairingId}/reassign")] HttpRequest request, string pairingId,
        [DurableClient] DurableTaskClient bound, CancellationToken cancellationToken)
    {
        // The end and the new year reach the engine through the client bound to this invocation.
        ArgumentNullException.ThrowIfNull(bound);
        ArgumentNullException.ThrowIfNull(request);
        var (posted, refused) = await StaffAccess.ReadFormAsync(request, StaffPolicies.HrOrCoordinator, cancellationToken);
        if (posted is null)
        {
            return refused!.AsAction();
        }

        if (await ending.FindAsync(pairingId, cancellationToken) is not { } record)
        {
            return TypedResults.NotFound().AsAction();
        }

        string? Text(string name) => posted[name].ToString() is { Length: > 0 } value ? value.Trim() : null;
        var form = new ReassignForm(Text("mentor.employeeId"), Text("mentor.name"), Text("mentor.email"), Text("mentor.role"), Text("mentor.school"),
            Text("mentor.yearsOfExperience"), Text("mentor.mentorTrainedOn"), Text("eligibilityOverride"), Text("firstDay"));
        var errors = new FieldErrors();
        var firstDay = TypedText.Day(form.FirstDay);
        if (firstDay is null)
        {
            errors.Add("firstDay", "Give the first day with the new mentor, e.g. 2027-01-11.");
        }

        var role = TypedText.Named<EducatorRole>(form.Role);
        if (role is null)
        {
            errors.Add("mentor.role", "Choose the new mentor's role.");
        }

        int? years = int.TryParse(form.YearsOfExperience, NumberStyles.None, CultureInfo.InvariantCulture, out var y) ? y : null;
        if (years is null)
        {
            errors.Add("mentor.yearsOfExperience", "Give the new mentor's years in the role as a whole number, e.g. 8.");
        }

        var trainedOn = TypedText.Day(form.MentorTrainedOn);
        if (form.MentorTrainedOn is not null && trainedOn is null)
        {
            errors.Add("mentor.mentorTrainedOn", "Give the day mentor training was completed, e.g. 2025-06-20, or leave it empty.");
        }

        if (errors.IsEmpty)
        {
            var mentor = new EducatorRequest(form.EmployeeId ?? "", form.Name ?? "", form.Email ?? "", role!.Value, form.School ?? "", years!.Value, trainedOn);
            var result = await reassignment.ReassignAsync(record, new ReassignPairing(mentor, firstDay!.Value, form.EligibilityOverride), request.HttpContext.User,
                cancellationToken);
            if (result.Started is { } started)
            {
                notices.Keep(request.HttpContext,
                    $"{record.Mentee.Name} is now paired with {started.Mentor.Name} from {firstDay:d MMMM yyyy}; the pairing with {record.Mentor.Name} ended the day before. Both pairs get their emails.", "/hr/pairings");
                return TypedResults.Redirect("/hr/pairings").AsAction();
            }

            foreach (var error in result.Errors)
            {
                errors.Add(FormField(error.Field), char.ToUpperInvariant(error.Message[0]) + error.Message[1..]);
            }
        }

        return (await ShowAsync(request.HttpContext, record, form, errors, StatusCodes.Status422UnprocessableEntity)).AsAction();
    }

    // The form's field a rule names; a rule about something the form does not ask shows in the summary only.
    private static string FormField(string field) => field switch
    {
        "mentorId" => "mentor.employeeId",
        "eligibility.mentor" => "eligibilityOverride",
        "firstDay" or "eligibilityOverride" => field,
        _ when field.StartsWith("mentor.", StringComparison.Ordinal) => field,
        _ => "",
    };

    private Task<IResult> ShowAsync(HttpContext context, PairingRecord record, ReassignForm form, FieldErrors errors, int status) =>
        pages.RenderAsync<PairingReassignForm, ReassignView>(context, Title, new ReassignView(record, form, errors, antiforgery.GetAndStoreTokens(context).RequestToken), status);
}
