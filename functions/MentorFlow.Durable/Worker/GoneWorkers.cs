using System.Diagnostics;
using System.Globalization;

namespace MentorFlow.Durable.Worker;

/// <summary>
/// Tells, from a lease holder's name (<c>machine:process:…</c>, as workers name themselves), whether that worker is
/// known to be gone: it ran on this machine in a process that no longer exists. A crashed worker's leases are then
/// released at start instead of waiting for them to run out, which on a virtual clock no one moves could be never.
/// </summary>
/// <remarks>
/// A process is named by its id and its start time (<c>4242@123456</c>), because process ids are reused: on a busy machine
/// (a container's 32,768 ids, a test run starting thousands of processes) a killed server's id soon belongs to another
/// process, or to the restarted server itself, and an id alone would then keep the dead worker's leases forever.
/// Names without a start time (written before it was added) are judged by the id alone.
/// </remarks>
public static class GoneWorkers
{
    /// <summary>This process as workers name it: its id and, where the system tells it, its start time.</summary>
    public static string ThisProcess { get; } = Name(Environment.ProcessId);

    /// <summary>True when <paramref name="workerId"/> names a worker of this machine whose process has ended.</summary>
    public static bool IsGone(string workerId)
    {
        ArgumentNullException.ThrowIfNull(workerId);
        var parts = workerId.Split(':');
        if (parts.Length < 3 || !string.Equals(parts[0], Environment.MachineName, StringComparison.Ordinal))
        {
            return false;
        }

        var process = parts[1].Split('@');
        if (process.Length > 2 || !int.TryParse(process[0], NumberStyles.None, CultureInfo.InvariantCulture, out var processId))
        {
            return false;
        }

        var started = process.Length == 2 ? process[1] : null;
        if (processId == Environment.ProcessId)
        {
            // This process, unless it is an earlier process that had the same id.
            return started is not null && !string.Equals(parts[1], ThisProcess, StringComparison.Ordinal);
        }

        try
        {
            using var running = Process.GetProcessById(processId);
            // Another process started since with the id the worker's process had: that one has ended.
            return running.HasExited || (started is not null && StartTime(processId) is { } now && !string.Equals(now, started, StringComparison.Ordinal));
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

    // The id, with the start time when it can be read.
    private static string Name(int processId) => StartTime(processId) is { } started ? $"{processId}@{started}" : processId.ToString(CultureInfo.InvariantCulture);

    // When the process started, in the kernel's clock ticks since boot (Linux's /proc/<id>/stat, field 22): the same
    // number whichever process reads it. Null where there is no /proc, or the process is gone.
    private static string? StartTime(int processId)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{processId.ToString(CultureInfo.InvariantCulture)}/stat");
            // The command name (field 2) is in parentheses and may hold spaces: fields are counted after its last ')'.
            var fields = stat[(stat.LastIndexOf(')') + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return fields.Length > 19 && ulong.TryParse(fields[19], NumberStyles.None, CultureInfo.InvariantCulture, out _) ? fields[19] : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
