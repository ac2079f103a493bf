using MentorFlow.Core.Validation;
using MentorFlow.Core.Year;
using MentorFlow.Functions.ActionPlans;
using MentorFlow.Functions.Api;
using MentorFlow.Functions.Districts;
using MentorFlow.Functions.Drafts;
using MentorFlow.Functions.Links;
using MentorFlow.Functions.Records;
using MentorFlow.Functions.Submissions;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace MentorFlow.Functions.Pages.Steps;

/// <summary>
/// Where an emailed link lands (<c>/s/{token}</c>): a tampered or expired link gets a page saying what to do; a genuine
/// one opens that person's step form (one partial class file and one component per step). A step already submitted says
/// so and a second post changes nothing. A form is saved with the year event it owes in one transaction, so the year
/// always hears of it.
/// </summary>
public sealed partial class StepFormPage(
    PageRenderer pages, PageNotice notices, IAntiforgery antiforgery, StepLinkSigner signer, TimeProvider clock, IPairingRecords records,
    IActionPlanStore plans, ISubmissionStore submissions, DurableTaskClient engine, DistrictDirectory districts, YearEventRelay relay, IFormDrafts drafts)
{
    /// <summary><c>GET /s/{token}</c>: where an emailed link lands.</summary>
    [Function("StepForm")]
    public async Task<IActionResult> StepForm(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "s/{token}")] HttpRequest request, string token,
        [DurableClient] DurableTaskClient bound, CancellationToken cancellationToken)
    {
        // The form reads the year through the engine client bound to this invocation.
        ArgumentNullException.ThrowIfNull(bound);
        return (await GetAsync(request, token, cancellationToken)).AsAction();
    }

    /// <summary><c>POST /s/{token}</c>: submits the link's step.</summary>
    [Function("StepFormPost")]
    public async Task<IActionResult> StepFormPost(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "s/{token}")] HttpRequest request, string token,
        [DurableClient] DurableTaskClient bound, CancellationToken cancellationToken)
    {
        // The saved step is raised to the year through the engine client bound to this invocation.
        ArgumentNullException.ThrowIfNull(bound);
        return (await PostAsync(request, token, cancellationToken)).AsAction();
    }

    private const string CurrentKey = "current";

    /// <summary>The step's name as a person reads it.</summary>
    public static string StepTitle(string step) => step switch
    {
        ActionPlanStep => "Your mentoring action plan",
        ScheduleStep => "Your regular meeting schedule",
        StepLinks.LogStep => "Log a meeting",
        ObservationStep => "Log an observation cycle",
        MidyearStep => "Your midyear check",
        SignOffStep => "Signing off your year",
        _ => "Your mentoring step",
    };

    /// <summary>Reads the link and shows the step, with what a form just saved says.</summary>
    public async Task<IResult> GetAsync(HttpRequest request, string token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (visit, problem) = await OpenAsync(request.HttpContext, token, cancellationToken);
        if (visit is null)
        {
            return await ShowProblemAsync(request.HttpContext, problem);
        }

        visit.Confirmation = notices.Take(request.HttpContext);
        return await ShowAsync(visit, cancellationToken);
    }

    /// <summary>
    /// Submits the link's step: a saved form redirects to the page (which then says so); an error shows the form again with
    /// the message beside the field; a post without this page's antiforgery token gets 400.
    /// </summary>
    public async Task<IResult> PostAsync(HttpRequest request, string token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!await antiforgery.IsRequestValidAsync(request.HttpContext))
        {
            return TypedResults.BadRequest();
        }

        var (visit, problem) = await OpenAsync(request.HttpContext, token, cancellationToken);
        if (visit is null)
        {
            return await ShowProblemAsync(request.HttpContext, problem);
        }

        var form = new PostedForm(await request.ReadFormAsync(cancellationToken), visit.Errors);
        return visit.Link.Step switch
        {
            ActionPlanStep => await PostActionPlanAsync(visit, form, cancellationToken),
            ScheduleStep when visit.ForMentor => await PostScheduleAsync(visit, form, cancellationToken),
            StepLinks.LogStep when visit.ForMentor => await PostLogAsync(visit, form, cancellationToken),
            StepLinks.LogStep => await PostConfirmationAsync(visit, form, cancellationToken),
            ObservationStep when visit.ForMentor => await PostObservationAsync(visit, form, cancellationToken),
            MidyearStep => await PostMidyearAsync(visit, form, cancellationToken),
            SignOffStep => await PostSignOffAsync(visit, form, cancellationToken),
            _ => await ShowAsync(visit, cancellationToken),
        };
    }

    // The step's page as it now stands (after a post that changed nothing, too).
    private Task<IResult> ShowAsync(StepVisit visit, CancellationToken cancellationToken) => visit.Link.Step switch
    {
        ActionPlanStep => ShowActionPlanAsync(visit, cancellationToken),
        ScheduleStep => ShowScheduleAsync(visit, form: null, cancellationToken),
        StepLinks.LogStep when visit.ForMentor => ShowLogAsync(visit, form: null, cancellationToken),
        StepLinks.LogStep => ShowConfirmationAsync(visit, cancellationToken),
        ObservationStep => ShowObservationAsync(visit, form: null, cancellationToken),
        MidyearStep => ShowMidyearAsync(visit, form: null, cancellationToken),
        SignOffStep => ShowSignOffAsync(visit, form: null, cancellationToken),
        _ => RenderAsync<StepStatus, StepStatusView>(visit, new StepStatusView(visit.Heading, visit.Progress)),
    };

    private Task<IResult> RenderAsync<TStep, TView>(StepVisit visit, TView view)
        where TStep : IComponent =>
        pages.RenderAsync<TStep, TView>(visit.Context, StepTitle(visit.Link.Step), view, visit.StatusCode);

    private Task<IResult> ShowProblemAsync(HttpContext context, StepLinkProblem problem)
    {
        var expired = problem == StepLinkProblem.Expired;
        return pages.RenderAsync<StepLinkNotOpen, StepLinkNotOpenView>(context, "This link does not open", new StepLinkNotOpenView(expired),
            expired ? StatusCodes.Status410Gone : StatusCodes.Status404NotFound);
    }

    // The visit when the link is genuine and its pairing exists; otherwise why not (a missing pairing counts as tampered).
    private async Task<(StepVisit? Visit, StepLinkProblem Problem)> OpenAsync(HttpContext context, string token, CancellationToken cancellationToken)
    {
        var (link, problem) = signer.Read(token, clock.GetUtcNow());
        if (link is null || problem != StepLinkProblem.None)
        {
            return (null, problem == StepLinkProblem.None ? StepLinkProblem.Tampered : problem);
        }

        if (await records.FindAsync(link.PairingId, cancellationToken) is not { } record)
        {
            return (null, StepLinkProblem.Tampered);
        }

        var progress = (await engine.GetInstanceAsync(link.PairingId, cancellationToken))?.ReadCustomStatusAs<PairingYearStatus>();
        var formToken = antiforgery.GetAndStoreTokens(context).RequestToken;
        return (new StepVisit(context, link, record, progress, formToken, clock.GetUtcNow().UtcDateTime), StepLinkProblem.None);
    }

    // The page of a saved form: post, redirect, get, so a refresh does not post again; the page then says what was saved.
    private RedirectHttpResult Saved(StepVisit visit, string? confirmation)
    {
        if (confirmation is not null)
        {
            notices.Keep(visit.Context, confirmation);
        }

        var request = visit.Context.Request;
        return TypedResults.Redirect(request.PathBase.Add(request.Path).ToUriComponent());
    }

    private static string Capitalized(string message) => message.Length == 0 ? message : char.ToUpperInvariant(message[0]) + message[1..];

    private static string Pascal(string field) => char.ToUpperInvariant(field[0]) + field[1..];

    // A broken rule shows beside its form field (form.Field), unless that field already says it could not be read.
    private static void ShowRuleErrors(FieldErrors errors, string form, IEnumerable<RuleViolation> violations)
    {
        foreach (var violation in violations)
        {
            var key = $"{form}.{Pascal(violation.Field)}";
            if (!errors.Has(key))
            {
                errors.Add(key, Capitalized(violation.Message) + ".");
            }
        }
    }

    private static void ShowSignatureError(StepVisit visit, string field, string? typed)
    {
        if (!string.Equals(typed?.Trim(), visit.PersonName, StringComparison.OrdinalIgnoreCase))
        {
            visit.Errors.Add(field, $"Type your full name as it appears here, {visit.PersonName}, to sign.");
        }
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private DateOnly Today => DateOnly.FromDateTime(Now);

    // The form saved its year event with it; raising it now is only quicker: the relay raises it later when this fails.
    private Task<int> RaiseSavedEventsAsync(CancellationToken cancellationToken) => relay.RaisePendingAsync(cancellationToken);
}
