namespace MentorFlow.Functions.StaffActions;

/// <summary>Where staff actions on pairings are kept: decisions, nudges, ends and starts.</summary>
public interface IStaffActionLog
{
    /// <summary>Keeps <paramref name="action"/>.</summary>
    Task RecordAsync(StaffAction action, CancellationToken cancellationToken);

    /// <summary>Every action on the pairing, oldest first.</summary>
    Task<IReadOnlyList<StaffAction>> ListAsync(string pairingId, CancellationToken cancellationToken);
}
