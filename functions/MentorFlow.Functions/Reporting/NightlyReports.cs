using Cronos;
using MentorFlow.Functions.Districts;

namespace MentorFlow.Functions.Reporting;

/// <summary>
/// Refreshes the current program year's reports on a schedule (<c>MentorFlow:Reports:Schedule</c>, a cron expression,
/// default <c>0 2 * * *</c>: 02:00 in <c>MentorFlow:Reports:TimeZone</c>, default America/New_York). In Azure a timer
/// trigger calls <see cref="ReportRefresh"/> instead; set the schedule to "off" there.
/// </summary>
public sealed partial class NightlyReports(ReportRefresh refresh, DistrictDirectory districts, TimeProvider clock, IConfiguration configuration, ILogger<NightlyReports> logger)
    : BackgroundService
{
    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var schedule = configuration["MentorFlow:Reports:Schedule"] ?? "0 2 * * *";
        if (schedule.Equals("off", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var zone = TimeZoneInfo.FindSystemTimeZoneById(configuration["MentorFlow:Reports:TimeZone"] ?? "America/New_York");
        while (!stoppingToken.IsCancellationRequested)
        {
            var next = NextRun(schedule, zone, clock.GetUtcNow());
            if (next is null)
            {
                return;
            }

            await Task.Delay(next.Value - clock.GetUtcNow() is { Ticks: > 0 } wait ? wait : TimeSpan.Zero, clock, stoppingToken);
            foreach (var year in districts.ProgramYears)
            {
                try
                {
                    await refresh.RunAsync(year, stoppingToken);
                }
#pragma warning disable CA1031 // One failed night must not stop the next: it is logged with what to do.
                catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
                {
                    LogFailed(ex, year);
                }
            }
        }
    }

    /// <summary>When the schedule (a cron expression in <paramref name="zone"/>'s local time) next runs after <paramref name="now"/>.</summary>
    public static DateTimeOffset? NextRun(string schedule, TimeZoneInfo zone, DateTimeOffset now) =>
        CronExpression.Parse(schedule).GetNextOccurrence(now, zone);

    [LoggerMessage(Level = LogLevel.Error, Message = "The nightly report refresh for {ProgramYear} failed; run POST /api/reports/{ProgramYear}/refresh to retry once fixed")]
    private partial void LogFailed(Exception exception, string programYear);
}
