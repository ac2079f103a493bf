using System.Security.Claims;
using MentorFlow.Core.Educators;
using MentorFlow.Core.Pairings;
using MentorFlow.Functions.Api;
using MentorFlow.Functions.Records;
using MentorFlow.Functions.StaffActions;

namespace MentorFlow.Functions.Pairings;

/// <summary>A pairing's mentee is given another mentor: the new mentor and the first day with them.</summary>
/// <param name="Mentor">The new mentor, as HR knows them.</param>
/// <param name="FirstDay">The first day with the new mentor; the old pairing ends the day before.</param>
/// <param name="EligibilityOverride">Why an untrained or less experienced mentor is accepted, when one is (recorded).</param>
public sealed record ReassignPairing(EducatorRequest Mentor, DateOnly FirstDay, string? EligibilityOverride);

/// <summary>How a reassignment went: the new pairing, or what to fix (nothing changed then).</summary>
/// <param name="Started">The new pairing, when it was started.</param>
/// <param name="Errors">What is wrong, by field (<c>mentor.name</c>, <c>firstDay</c>, ...).</param>
public sealed record ReassignResult(PairingRecord? Started, IReadOnlyList<FieldError> Errors);

/// <summary>
/// Gives a pairing's mentee another mentor: the new pairing is checked against the program rules first, then the old one
/// ends the day before as "the mentee was given another mentor" (its year closes, the coordinator is told) and the new one
/// starts its own year for the rest of the term. Both keep who did it.
/// </summary>
public sealed class PairingReassignment(PairingIntake intake, PairingEnding ending, StaffActionLogging actions)
{
    /// <summary>Reassigns <paramref name="record"/>'s mentee as <paramref name="request"/> says, on behalf of <paramref name="user"/>.</summary>
    public async Task<ReassignResult> ReassignAsync(PairingRecord record, ReassignPairing request, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(request);
        if (record.Separation is not null)
        {
            return new ReassignResult(null, [new FieldError("", "This pairing has already ended; start the mentee's new pairing from the import.")]);
        }

        if (request.Mentor.EmployeeId.Trim() == record.Mentor.EmployeeId)
        {
            return new ReassignResult(null, [new FieldError("mentor.employeeId", "That is the mentee's mentor now; give the new mentor's employee id.")]);
        }

        if (request.FirstDay <= record.Pairing.StartsOn)
        {
            return new ReassignResult(null, [new FieldError("firstDay", $"The first day with the new mentor must come after the pairing started ({record.Pairing.StartsOn:d MMMM yyyy}).")]);
        }

        var pairing = record.Pairing;
        var start = new StartPairing(new PairingRequest(
            pairing.DistrictId, pairing.ProgramYear, pairing.School, pairing.InductionYear, pairing.Term, request.FirstDay, request.Mentor,
            FromEducator(record.Mentee), request.EligibilityOverride));
        var problems = await intake.CheckAsync([start], cancellationToken);
        if (problems.Count > 0)
        {
            return new ReassignResult(null, [.. problems.Select(p => p.Error.Field == "startsOn" ? p.Error with { Field = "firstDay" } : p.Error)]);
        }

        var ended = await ending.EndAsync(record, new SeparationRequest(request.FirstDay.AddDays(-1), SeparationReason.Reassigned, null), user, cancellationToken);
        if (ended.Errors.Count > 0 || ended.Earlier is not null)
        {
            return new ReassignResult(null, [.. ended.Errors.Select(e => e with { Field = "firstDay" }),
                .. ended.Earlier is { } earlier ? [new FieldError("", $"This pairing had already ended on {earlier.EndedOn:d MMMM yyyy}.")] : Array.Empty<FieldError>()]);
        }

        var (started, errors) = await intake.StartAsync([start], cancellationToken);
        if (started is null)
        {
            // Checked a moment ago: only a change made in between (e.g. the district's settings) lands here.
            return new ReassignResult(null, [.. errors.Select(e => e.Error)]);
        }

        var created = started.Pairings[0].Record;
        await actions.RecordAsync(user, created.Pairing.PairingId, $"Started the pairing: {record.Mentee.Name} was reassigned from {record.Mentor.Name}", null, cancellationToken);
        await actions.RecordAsync(user, pairing.PairingId, $"Reassigned {record.Mentee.Name} to {created.Mentor.Name} from {request.FirstDay:d MMMM yyyy}", null, cancellationToken);
        return new ReassignResult(created, []);
    }

    private static EducatorRequest FromEducator(Educator educator) => new(
        educator.EmployeeId, educator.Name, educator.Email, educator.Role, educator.School, educator.YearsOfExperience, educator.MentorTrainedOn, educator.Rating);
}
