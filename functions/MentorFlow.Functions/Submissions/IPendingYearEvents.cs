using MentorFlow.Core.Year;

namespace MentorFlow.Functions.Submissions;

/// <summary>
/// The year events saved records still owe their pairings' years, wherever the records live: listed for
/// <see cref="YearEventRelay"/> and marked raised once the engine took each.
/// </summary>
public interface IPendingYearEvents
{
    /// <summary>Every event not yet raised, in the order saved.</summary>
    Task<IReadOnlyList<SavedYearEvent>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Marks <paramref name="saved"/> raised, so it is not listed again; marking one already marked changes nothing.</summary>
    Task MarkRaisedAsync(SavedYearEvent saved, DateTime raisedAt, CancellationToken cancellationToken);
}

/// <summary>A year event saved with a record and not yet raised.</summary>
/// <param name="Position">Where the store keeps it (its own format), to mark it raised.</param>
/// <param name="PairingId">The pairing whose year it is for.</param>
/// <param name="Event">The event, with the id the year applies once.</param>
public sealed record SavedYearEvent(string Position, string PairingId, PairingYearEvent Event);
