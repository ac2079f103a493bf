using System.Security.Claims;
using MentorFlow.Core.Pairings;
using MentorFlow.Core.Wording;
using MentorFlow.Functions.Api;
using MentorFlow.Functions.Districts;
using MentorFlow.Functions.Records;
using MentorFlow.Functions.StaffActions;
using MentorFlow.Functions.Submissions;

namespace MentorFlow.Functions.Pairings;

/// <summary>How ending a pairing went: ended now, the same end sent again, refused (what to fix), or in conflict with an earlier end.</summary>
/// <param name="Record">The pairing as it is now.</param>
/// <param name="Errors">What is wrong with the request; nothing changed.</param>
/// <param name="Earlier">The different separation the pairing already has; nothing changed.</param>
public sealed record PairingEndResult(PairingRecord Record, IReadOnlyList<FieldError> Errors, Separation? Earlier);

/// <summary>HR or the coordinator ends a pairing early, from the API or HR's page: checked, saved with its year event, told to the year, kept with who did it.</summary>
public sealed class PairingEnding(IPairingRecords records, YearEventRelay relay, DistrictDirectory districts, TimeProvider clock, StaffActionLogging actions)
{
    /// <summary>The pairing, or null when there is none.</summary>
    public Task<PairingRecord?> FindAsync(string pairingId, CancellationToken cancellationToken) => records.FindAsync(pairingId, cancellationToken);

    /// <summary>Ends <paramref name="record"/>'s pairing (as just found) as <paramref name="request"/> says, on behalf of <paramref name="user"/>.</summary>
    public async Task<PairingEndResult> EndAsync(PairingRecord record, SeparationRequest request, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(request);
        var pairingId = record.Pairing.PairingId;

        var separation = new Separation(request.EndedOn, request.Reason, string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim());
        var violations = separation.Validate(record.Pairing.StartsOn);
        if (violations.Count > 0)
        {
            return new PairingEndResult(record, [.. violations.Select(v => new FieldError(v.Field, v.Message))], null);
        }

        if (SeparationWindow.Check(record, separation.EndedOn, districts.Find(record.Pairing.DistrictId)) is { Count: > 0 } outsideYear)
        {
            return new PairingEndResult(record, outsideYear, null);
        }

        if (record.Separation is { } earlier)
        {
            // Sending the same separation again is fine; a different one would rewrite history.
            return new PairingEndResult(record, [], earlier == separation ? null : earlier);
        }

        if (await records.RecordSeparationAsync(pairingId, separation, clock.GetUtcNow().UtcDateTime, cancellationToken))
        {
            await actions.RecordAsync(user, pairingId, $"Ended the pairing on {separation.EndedOn:d MMMM yyyy}: {ProgramWords.Of(separation.Reason)}", separation.Note, cancellationToken);
        }

        // Now if the engine takes it; if not, the relay's next run does (the separation and its event were saved together).
        await relay.RaisePendingAsync(cancellationToken);
        return new PairingEndResult(record with { Separation = separation }, [], null);
    }
}
