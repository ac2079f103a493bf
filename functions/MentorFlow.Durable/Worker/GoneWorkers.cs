using System.Diagnostics;
using System.Globalization;

namespace MentorFlow.Durable.Worker;

/// <summary>
/// Tells, from a lease holder's name (<c>machine:process-id:…</c>, as workers name themselves), whether that worker is
/// known to be gone: it ran on this machine in a process that no longer exists. A crashed worker's leases are then
/// released at start instead of waiting for them to run out, which on a virtual clock no one moves could be never.
/// </summary>
public static class GoneWorkers
{
    /// <summary>True when <paramref name="workerId"/> names a worker of this machine whose process has ended.</summary>
    public static bool IsGone(string workerId)
    {
        ArgumentNullException.ThrowIfNull(workerId);
        var parts = workerId.Split(':');
        if (parts.Length < 3 || !string.Equals(parts[0], Environment.MachineName, StringComparison.Ordinal)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var processId)
            || processId == Environment.ProcessId)
        {
            return false;
        }

        try
        {
            using var process = Process.GetProcessById(processId);
            return process.HasExited;
        }
        catch (ArgumentException)
        {
            return true; // no process has that id any more
        }
        catch (InvalidOperationException)
        {
            return true;
        }
    }
}
