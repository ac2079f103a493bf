using MentorFlow.Core.Simulation;
using MentorFlow.Functions.Api;
using MentorFlow.Functions.Staff;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace MentorFlow.Functions.Clock;

/// <summary>The clock's functions: any staff member reads the app's time, and on a virtual clock moves it forward.</summary>
public sealed class ClockFunctions(TimeProvider clock)
{
    /// <summary><c>GET /api/clock</c>: the app's time, and whether it is virtual.</summary>
    [Function("GetClock")]
    public Task<IActionResult> Get([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/clock")] HttpRequest request) =>
        request.ForStaffAsync(StaffPolicies.AnyStaff, () => Task.FromResult<IResult>(Results.Ok(new ClockView(clock.GetUtcNow(), clock is VirtualClock))));

    /// <summary><c>POST /api/clock/advance</c>: moves a virtual clock forward (at most 400 days a move); not there on real time.</summary>
    [Function("AdvanceClock")]
    public async Task<IActionResult> Advance(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/clock/advance")] HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (clock is not VirtualClock virtualClock)
        {
            return ApiProblem.Status(StatusCodes.Status404NotFound, "No virtual clock",
                $"The app runs on real time; start it with {ProgramClock.StartSetting} to move a demo's clock.").AsAction();
        }

        return await request.ForStaffAsync(StaffPolicies.AnyStaff, async () =>
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
        });
    }

    // Each field within its own range, and the two together at most 400 days: 400 days and 9,600 hours is 800 days.
    private static List<FieldError> MoveProblems(ClockAdvance move)
    {
        var problems = new List<FieldError>();
        if (move.Days is < 0 or > 400)
        {
            problems.Add(new FieldError("days", "move the clock forward by 0 to 400 days; it never goes back."));
        }

        if (move.Hours is < 0 or > ProgramClock.MaxHoursPerMove)
        {
            problems.Add(new FieldError("hours", $"move the clock forward by 0 to {ProgramClock.MaxHoursPerMove} hours; it never goes back."));
        }

        if (problems.Count == 0 && (move.Days * 24L) + move.Hours is var total && (total == 0 || total > ProgramClock.MaxHoursPerMove))
        {
            var message = total == 0
                ? "move the clock forward by 1 to 400 days (and/or hours)."
                : $"days and hours together move the clock at most 400 days ({ProgramClock.MaxHoursPerMove} hours); this asks for {total} hours.";
            problems.Add(new FieldError("days", message));
            problems.Add(new FieldError("hours", message));
        }

        return problems;
    }
}
