using MentorFlow.Core.Messaging;
using MentorFlow.Core.Year;
using MentorFlow.Functions.Links;
using MentorFlow.Functions.Records;

namespace MentorFlow.Functions.Pages.Steps;

/// <summary>The top of every step page: the step, whom the link is for, and what the page says after a post.</summary>
/// <param name="Title">The step's name as a person reads it.</param>
/// <param name="PersonName">The person the link is for.</param>
/// <param name="PartnerName">The other person of the pairing.</param>
/// <param name="Confirmation">What the page says once a step was just submitted.</param>
/// <param name="AlreadySubmittedNotice">What the page says to a post that came after the step was already submitted.</param>
/// <param name="ClosedNotice">What the page says when the clock has closed the step's stage (the year has ended).</param>
public sealed record StepHeading(string Title, string PersonName, string PartnerName, string? Confirmation, string? AlreadySubmittedNotice, string? ClosedNotice = null);

// One request to a genuine link: who it is for, where the year stands, and what the answer says so far.
internal sealed class StepVisit(HttpContext context, StepLink link, PairingRecord pairing, PairingYearStatus? progress, string? formToken, DateTime now)
{
    /// <summary>
    /// True while the year is in <paramref name="stage"/> and the clock has not closed it: a submission the year would
    /// find its stage closed to (it takes the clock's moment first) is refused here, never acknowledged and then dropped.
    /// </summary>
    public bool In(PairingStage stage) => Progress?.Stage == stage && !ClosedByTheClock;

    // The clock has passed the moment the year's stage closes, whether or not the year has taken that moment in.
    private bool ClosedByTheClock => Progress is { StageClosesAt: { } closes } && closes <= now;

    public HttpContext Context { get; } = context;

    public StepLink Link { get; } = link;

    public PairingRecord Pairing { get; } = pairing;

    public PairingYearStatus? Progress { get; } = progress;

    public string? FormToken { get; } = formToken;

    public bool ForMentor => Link.Person == RecipientRole.Mentor;

    public string PersonName => ForMentor ? Pairing.Mentor.Name : Pairing.Mentee.Name;

    public string PartnerName => ForMentor ? Pairing.Mentee.Name : Pairing.Mentor.Name;

    public FieldErrors Errors { get; } = new();

    public string? Confirmation { get; set; }

    public string? AlreadySubmittedNotice { get; private set; }

    public int StatusCode { get; private set; } = StatusCodes.Status200OK;

    public StepHeading Heading => new(StepFormPage.StepTitle(Link.Step), PersonName, PartnerName, Confirmation, AlreadySubmittedNotice,
        Link.Step is StepFormPage.ActionPlanStep or StepFormPage.ScheduleStep or StepFormPage.MidyearStep && ClosedByTheClock
            ? $"The program year ended on {Progress?.EndsOn:d MMMM yyyy}, so this step is closed; you will both be asked to sign off the year."
            : null);

    // A post after the step was submitted (a double tap, a second tab, a racing request) changes nothing and gets the page
    // as it now stands with 409, saying so.
    public void AlreadySubmitted(string notice)
    {
        AlreadySubmittedNotice = notice;
        StatusCode = StatusCodes.Status409Conflict;
    }
}
