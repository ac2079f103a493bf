namespace MentorFlow.Core.Validation;

/// <summary>Collects rule violations for one record; the rules read top to bottom like the program's handbook.</summary>
public sealed class RuleCheck
{
    private readonly List<RuleViolation> _violations = [];

    /// <summary>The violations found so far, in the order the rules were checked.</summary>
    public IReadOnlyList<RuleViolation> Violations => _violations;

    /// <summary>Records a violation of <paramref name="field"/> unless <paramref name="holds"/> is true.</summary>
    public RuleCheck Require(bool holds, string field, string message)
    {
        if (!holds)
        {
            _violations.Add(new RuleViolation(field, message));
        }

        return this;
    }

    /// <summary>Requires a text with at least one non-space character.</summary>
    public RuleCheck RequireText(string? value, string field, string label) =>
        Require(!string.IsNullOrWhiteSpace(value), field, $"{label} is required");

    /// <summary>Adds the violations of a nested record, with its fields under <paramref name="prefix"/>.</summary>
    public RuleCheck Include(IEnumerable<RuleViolation> nested, string prefix)
    {
        ArgumentNullException.ThrowIfNull(nested);
        _violations.AddRange(nested.Select(v => v with { Field = $"{prefix}.{v.Field}" }));
        return this;
    }
}
