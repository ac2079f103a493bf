using MentorFlow.Core.Year;

namespace MentorFlow.Functions.Submissions;

/// <summary>
/// What people submitted through their step forms (schedules, meeting logs with their private notes, midyear checks,
/// sign-offs), by pairing, kind and key. Private notes live only here: pages for the pair read them, and nothing that
/// goes to coordinators, reports or exports does.
/// </summary>
public interface ISubmissionStore
{
    /// <summary>
    /// Adds the submission and, in the same transaction, the year event it owes (<see cref="PendingYearEvents"/>); false
    /// (and nothing changed) when one with that key exists.
    /// </summary>
    Task<bool> TryAddAsync<T>(string pairingId, string kind, string key, T value, DateTime submittedAt, PairingYearEvent yearEvent, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces each submission with its new value only where it still holds the value it was read as, and adds the year
    /// event they owe, all in one transaction; false (and nothing changed) when any of them changed since it was read, so of
    /// two posts made from the same page only the first lands.
    /// </summary>
    Task<bool> TryReplaceAsync<T>(string pairingId, string kind, IReadOnlyList<SubmissionChange<T>> changes, DateTime submittedAt, PairingYearEvent yearEvent, CancellationToken cancellationToken);

    /// <summary>
    /// Marks the submission withdrawn, where it still holds the value it was read as, and adds the year event it owes, in one
    /// transaction; false (and nothing changed) when it changed since it was read or is gone. A withdrawn submission is
    /// found and listed nowhere and cannot be replaced, and its key stays taken, so a late post of the same form adds nothing.
    /// </summary>
    Task<bool> TryWithdrawAsync<T>(string pairingId, string kind, string key, T read, DateTime withdrawnAt, PairingYearEvent yearEvent, CancellationToken cancellationToken);

    /// <summary>The submission, or default.</summary>
    Task<T?> FindAsync<T>(string pairingId, string kind, string key, CancellationToken cancellationToken);

    /// <summary>Every submission of a kind for the pairing, oldest first.</summary>
    Task<IReadOnlyList<T>> ListAsync<T>(string pairingId, string kind, CancellationToken cancellationToken);
}
