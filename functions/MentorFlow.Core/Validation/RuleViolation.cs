namespace MentorFlow.Core.Validation;

/// <summary>
/// One broken program rule, named by the field it concerns (as a form or API shows it) and said in
/// words a coordinator or mentor understands.
/// </summary>
/// <param name="Field">The field, e.g. <c>commitments[2].text</c>.</param>
/// <param name="Message">What is wrong and what to do, e.g. "commitment 3 must start with 'We will'".</param>
public sealed record RuleViolation(string Field, string Message)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Field}: {Message}";
}
