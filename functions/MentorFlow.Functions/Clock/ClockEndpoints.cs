using MentorFlow.Core.Simulation;
using MentorFlow.Functions.Api;
using MentorFlow.Functions.Staff;

namespace MentorFlow.Functions.Clock;

/// <summary>
/// The app's clock: the system clock, or for demos and tests a virtual one (<c>MentorFlow:Clock:Start</c>) that staff
/// move forward with <c>POST /api/clock/advance</c>. The endpoint does not exist on the system clock.
/// </summary>
public static class ClockEndpoints
{
    /// <summary>The setting that starts the app on a virtual clock at the given UTC time.</summary>
    public const string StartSetting = "MentorFlow:Clock:Start";

    /// <summary>The most a virtual clock moves in one request: 400 days, in days and hours together.</summary>
    public const int MaxHoursPerMove = 400 * 24;

    /// <summary>
    /// The system clock, or a virtual clock when <see cref="StartSetting"/> is set: it starts at the time it was last moved
    /// to (kept in <paramref name="dataFolder"/>), or at the configured start on the first run or when that is later, and
    /// keeps every move there, so a restart never takes it back.
    /// </summary>
    public static TimeProvider FromConfiguration(IConfiguration configuration, string dataFolder)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentException.ThrowIfNullOrWhiteSpace(dataFolder);
        var start = configuration[StartSetting];
        if (string.IsNullOrWhiteSpace(start))
        {
            return TimeProvider.System;
        }

        if (!DateTimeOffset.TryParse(start, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var configured))
        {
            throw new InvalidOperationException($"{StartSetting} is '{start}', not a date and time; write it like 2026-09-01T08:00:00Z.");
        }

        var kept = KeptClockTime.Read(dataFolder);
        var at = kept is { } k && k > configured ? k : configured.ToUniversalTime();
        return new VirtualClock(at, moved => KeptClockTime.Write(dataFolder, moved));
    }

    /// <summary>Maps <c>GET /api/clock</c> and, on a virtual clock, <c>POST /api/clock/advance</c>.</summary>
    public static IEndpointRouteBuilder MapClock(this IEndpointRouteBuilder routes, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.MapGet("/api/clock", () => Results.Ok(new ClockView(clock.GetUtcNow(), clock is VirtualClock)))
            .RequireAuthorization(StaffPolicies.AnyStaff);
        if (clock is VirtualClock virtualClock)
        {
            routes.MapPost("/api/clock/advance", async (HttpRequest request, CancellationToken cancellationToken) =>
            {
                var (body, problem) = await StrictJson.ReadAsync<ClockAdvance>(request, 1024, cancellationToken);
                if (problem is not null)
                {
                    return problem;
                }

                if (MoveProblems(body!) is { Count: > 0 } problems)
                {
                    return ApiProblem.Invalid(problems);
                }

                var now = virtualClock.Advance(TimeSpan.FromHours((body!.Days * 24L) + body.Hours));
                return Results.Ok(new ClockView(now, true));
            }).RequireAuthorization(StaffPolicies.AnyStaff);
        }

        return routes;
    }

    // Each field within its own range, and the two together at most 400 days: 400 days and 9,600 hours is 800 days.
    private static List<FieldError> MoveProblems(ClockAdvance move)
    {
        var problems = new List<FieldError>();
        if (move.Days is < 0 or > 400)
        {
            problems.Add(new FieldError("days", "move the clock forward by 0 to 400 days; it never goes back."));
        }

        if (move.Hours is < 0 or > MaxHoursPerMove)
        {
            problems.Add(new FieldError("hours", $"move the clock forward by 0 to {MaxHoursPerMove} hours; it never goes back."));
        }

        if (problems.Count == 0 && (move.Days * 24L) + move.Hours is var total && (total == 0 || total > MaxHoursPerMove))
        {
            var message = total == 0
                ? "move the clock forward by 1 to 400 days (and/or hours)."
                : $"days and hours together move the clock at most 400 days ({MaxHoursPerMove} hours); this asks for {total} hours.";
            problems.Add(new FieldError("days", message));
            problems.Add(new FieldError("hours", message));
        }

        return problems;
    }
}

/// <summary>The app's time, and whether it is virtual.</summary>
/// <param name="Now">Now, by the app's clock.</param>
/// <param name="Virtual">True on a demo's virtual clock.</param>
public sealed record ClockView(DateTimeOffset Now, bool Virtual);

/// <summary>How far to move a virtual clock.</summary>
/// <param name="Days">Days forward.</param>
/// <param name="Hours">Hours forward.</param>
public sealed record ClockAdvance(int Days = 0, int Hours = 0);
