using System.Security.Claims;

namespace MentorFlow.Functions.StaffActions;

/// <summary>Keeps what the signed-in member of staff did, with their name and the app's time.</summary>
public sealed class StaffActionLogging(IStaffActionLog log, TimeProvider clock)
{
    /// <summary>What starting a pairing through the API is called.</summary>
    public const string Started = "Started the pairing";

    /// <summary>What starting a pairing from a CSV file is called.</summary>
    public const string Imported = "Started the pairing from an imported file";

    /// <summary>Keeps that <paramref name="user"/> did <paramref name="what"/> to each of <paramref name="pairingIds"/>.</summary>
    public async Task RecordAsync(ClaimsPrincipal user, IEnumerable<string> pairingIds, string what, string? reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(pairingIds);
        var at = clock.GetUtcNow().UtcDateTime;
        var who = user.Identity?.Name is { Length: > 0 } name ? name : "staff";
        foreach (var pairingId in pairingIds)
        {
            await log.RecordAsync(new StaffAction(pairingId, at, who, what, reason), cancellationToken);
        }
    }

    /// <summary>Keeps that <paramref name="user"/> did <paramref name="what"/> to <paramref name="pairingId"/>.</summary>
    public Task RecordAsync(ClaimsPrincipal user, string pairingId, string what, string? reason, CancellationToken cancellationToken) =>
        RecordAsync(user, [pairingId], what, reason, cancellationToken);
}
