using MentorFlow.Core.Figures;
using MentorFlow.Core.Logs;

namespace MentorFlow.Functions.Pages.Steps;

/// <summary>The pair's running total: confirmed hours outside the contract day so far, of those their term requires.</summary>
/// <param name="Confirmed">Confirmed hours outside the contract day so far.</param>
/// <param name="Required">Hours the pairing's term requires.</param>
public sealed record PairingHours(decimal Confirmed, decimal Required)
{
    /// <summary>The total of <paramref name="logs"/> (their notes never read), against <paramref name="required"/>.</summary>
    public static PairingHours Of(IEnumerable<CollaborationLog> logs, decimal required) =>
        new(PairingFigures.HoursOutsideContractDay(logs.Select(l => l.ToInteraction())), required);
}
