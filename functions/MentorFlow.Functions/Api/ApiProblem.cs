using MentorFlow.Core.Validation;

namespace MentorFlow.Functions.Api;

/// <summary>The <c>application/problem+json</c> answers of the JSON API: each says which field is wrong and what to do.</summary>
public static class ApiProblem
{
    /// <summary>A 400 (or <paramref name="status"/>) listing every field error, grouped by field.</summary>
    public static IResult Invalid(IEnumerable<FieldError> errors, int status = StatusCodes.Status400BadRequest, string? title = null)
    {
        var grouped = errors
            .GroupBy(e => e.Field, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(e => e.Message).Distinct(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);
        var detail = string.Join(" ", grouped.Select(g => $"{g.Key}: {string.Join(" ", g.Value)}"));
        return Results.ValidationProblem(grouped, detail: detail, statusCode: status,
            title: title ?? "The request has fields to fix; nothing was changed.");
    }

    /// <summary>A 400 from program-rule violations.</summary>
    public static IResult Invalid(IEnumerable<RuleViolation> violations) =>
        Invalid(violations.Select(v => new FieldError(v.Field, v.Message)));

    /// <summary>A problem without field errors (404, 409, 413, 415, ...).</summary>
    public static IResult Status(int status, string title, string detail) =>
        Results.Problem(detail: detail, statusCode: status, title: title);
}
