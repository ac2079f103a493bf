using System.Globalization;
using MentorFlow.Core.Messaging;
using MentorFlow.Functions.Links;
using MentorFlow.Functions.Records;

namespace MentorFlow.Functions.Coordinator;

/// <summary>The coordinator's nudge: both people of a pairing get an email with their log-a-meeting link.</summary>
public sealed class PairingNudge(IPairingRecords records, IProgramMessenger messenger, TimeProvider clock)
{
    /// <summary>Emails the pair; false when there is no such pairing.</summary>
    public async Task<bool> SendAsync(string pairingId, CancellationToken cancellationToken)
    {
        if (await records.FindAsync(pairingId, cancellationToken) is not { } record)
        {
            return false;
        }

        // One nudge per pair per minute: a double click sends once.
        var at = clock.GetUtcNow().ToString("yyyyMMddHHmm", CultureInfo.InvariantCulture);
        foreach (var person in new[]
        {
            new Recipient(RecipientRole.Mentor, record.Mentor.Name, record.Mentor.Email),
            new Recipient(RecipientRole.Mentee, record.Mentee.Name, record.Mentee.Email),
        })
        {
            await messenger.SendAsync(new ProgramMessage(
                $"{pairingId}/CoordinatorNudge/{person.Role}/{at}", ProgramMessageKind.MeetingNudge, pairingId, person,
                "A note from your program coordinator",
                "Your program coordinator would like to see your next mentoring meeting logged. Log the meetings you had, or plan the next one.",
                StepLinks.LogStep), cancellationToken);
        }

        return true;
    }
}
