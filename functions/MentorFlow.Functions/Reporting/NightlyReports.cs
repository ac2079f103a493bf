using Cronos;
using MentorFlow.Functions.Districts;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace MentorFlow.Functions.Reporting;

/// <summary>
/// Refreshes every configured program year's reports nightly: the timer fires hourly (Azure Functions' schedules are UTC,
/// and Linux plans cannot take a time zone), and the refresh runs in the hour <c>MentorFlow:Reports:Schedule</c> (a cron
/// expression, default <c>0 2 * * *</c>) names in <c>MentorFlow:Reports:TimeZone</c> (default America/New_York); "off" turns it off.
/// </summary>
public sealed partial class NightlyReports(ReportRefresh refresh, DistrictDirectory districts, TimeProvider clock, IConfiguration configuration, ILogger<NightlyReports> logger)
{
    /// <summary>Runs the refresh when the district's nightly time fell in the hour just ended.</summary>
    [Function("NightlyReports")]
    public async Task Run([TimerTrigger("0 0 * * * *")] TimerInfo timer, [DurableClient] DurableTaskClient engine, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        // The refresh reads every year's outcome through the engine client bound to this invocation.
        ArgumentNullException.ThrowIfNull(engine);
        var schedule = configuration["MentorFlow:Reports:Schedule"] ?? "0 2 * * *";
        if (schedule.Equals("off", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var zone = TimeZoneInfo.FindSystemTimeZoneById(configuration["MentorFlow:Reports:TimeZone"] ?? "America/New_York");
        var now = clock.GetUtcNow();
        if (NextRun(schedule, zone, now.AddHours(-1)) is not { } due || due > now)
        {
            return;
        }

        foreach (var year in districts.ProgramYears)
        {
            try
            {
                await refresh.RunAsync(year, cancellationToken);
            }
#pragma warning disable CA1031 // One failed year must not stop the others: it is logged with what to do.
            catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
            {
                LogFailed(ex, year);
            }
        }
    }

    /// <summary>When the schedule (a cron expression in <paramref name="zone"/>'s local time) next runs after <paramref name="now"/>.</summary>
    public static DateTimeOffset? NextRun(string schedule, TimeZoneInfo zone, DateTimeOffset now) =>
        CronExpression.Parse(schedule).GetNextOccurrence(now, zone);

    [LoggerMessage(Level = LogLevel.Error, Message = "The nightly report refresh for {ProgramYear} failed; run POST /api/reports/{ProgramYear}/refresh to retry once fixed")]
    private partial void LogFailed(Exception exception, string programYear);
}
