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

    /// <summary>The system clock, or a virtual clock when <see cref="StartSetting"/> is set.</summary>
    public static TimeProvider FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var start = configuration[StartSetting];
        if (string.IsNullOrWhiteSpace(start))
        {
            return TimeProvider.System;
        }

        return DateTimeOffset.TryParse(start, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var at)
            ? new VirtualClock(at.ToUniversalTime())
            : throw new InvalidOperationException($"{StartSetting} is '{start}', not a date and time; write it like 2026-09-01T08:00:00Z.");
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

                if (body!.Days is < 0 or > 400 || body.Hours is < 0 or > 24 * 400 || body.Days + body.Hours == 0)
                {
                    return ApiProblem.Invalid([new FieldError("days", "move the clock forward by 1 to 400 days (and/or hours); it never goes back.")]);
                }

                virtualClock.MoveTo(virtualClock.GetUtcNow().AddDays(body.Days).AddHours(body.Hours));
                return Results.Ok(new ClockView(virtualClock.GetUtcNow(), true));
            }).RequireAuthorization(StaffPolicies.AnyStaff);
        }

        return routes;
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
