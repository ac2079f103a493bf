using MentorFlow.Core.Messaging;
using MentorFlow.Core.Year;
using MentorFlow.Durable;
using MentorFlow.Functions.Links;
using MentorFlow.Functions.Records;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MentorFlow.Functions.Pages.Steps;

/// <summary>
/// Where an emailed link lands (<c>/s/{token}</c>): a tampered or expired link gets a page saying what to do; a genuine
/// one shows whose step it is and where the pairing's year stands.
/// </summary>
public sealed class OpenModel(StepLinkSigner signer, TimeProvider clock, IPairingRecords records, DurableTaskClient engine) : PageModel
{
    /// <summary>Why the link does not open its step, when it does not.</summary>
    public StepLinkProblem Problem { get; private set; }

    /// <summary>The link, when genuine.</summary>
    public StepLink? Link { get; private set; }

    /// <summary>The person the link is for.</summary>
    public string? PersonName { get; private set; }

    /// <summary>The other person of the pairing.</summary>
    public string? PartnerName { get; private set; }

    /// <summary>Where the year stands.</summary>
    public PairingYearStatus? Progress { get; private set; }

    /// <summary>Reads the link.</summary>
    public async Task OnGetAsync(string token, CancellationToken cancellationToken)
    {
        (Link, Problem) = signer.Read(token, clock.GetUtcNow());
        if (Link is null || Problem != StepLinkProblem.None)
        {
            Response.StatusCode = Problem == StepLinkProblem.Expired ? StatusCodes.Status410Gone : StatusCodes.Status404NotFound;
            return;
        }

        if (await records.FindAsync(Link.PairingId, cancellationToken) is not { } record)
        {
            Problem = StepLinkProblem.Tampered;
            Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        (PersonName, PartnerName) = Link.Person == RecipientRole.Mentor ? (record.Mentor.Name, record.Mentee.Name) : (record.Mentee.Name, record.Mentor.Name);
        Progress = (await engine.GetInstanceAsync(Link.PairingId, cancellationToken))?.ReadCustomStatusAs<PairingYearStatus>();
    }

    /// <summary>The step's name as a person reads it.</summary>
    public static string StepTitle(string step) => step switch
    {
        "action-plan" => "Your mentoring action plan",
        "schedule" => "Your regular meeting schedule",
        StepLinks.LogStep => "Log a meeting",
        "observation" => "An observation cycle",
        "midyear" => "Your midyear check",
        "sign-off" => "Signing off your year",
        _ => "Your mentoring step",
    };
}
