using Microsoft.AspNetCore.Mvc;

namespace MentorFlow.Functions.Api;

/// <summary>
/// An <see cref="IResult"/> (a typed result, a problem) as the <see cref="IActionResult"/> an HTTP function returns: the
/// Functions host's ASP.NET Core integration and the server both execute it on the request's own context.
/// </summary>
public sealed class ResultAction(IResult result) : IActionResult
{
    /// <summary>The result this action writes.</summary>
    public IResult Result { get; } = result;

    /// <inheritdoc/>
    public Task ExecuteResultAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Result.ExecuteAsync(context.HttpContext);
    }
}

/// <summary>Turns results into function answers.</summary>
public static class ResultActions
{
    /// <summary><paramref name="result"/> as an <see cref="IActionResult"/>.</summary>
    public static IActionResult AsAction(this IResult result) => new ResultAction(result);

    /// <summary>The answer of <paramref name="handle"/> when the staff member meets <paramref name="policy"/>, else the challenge or forbid.</summary>
    public static async Task<IActionResult> ForStaffAsync(this HttpRequest request, string policy, Func<Task<IResult>> handle)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(handle);
        return (await Staff.StaffAccess.CheckAsync(request.HttpContext, policy) ?? await handle()).AsAction();
    }
}
