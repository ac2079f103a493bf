using System.Globalization;

namespace MentorFlow.Reports.Tests.Suppression;

/// <summary>
/// An analyst trying to work suppressed figures back from what is published, written apart from the suppression code:
/// it knows how the state report's figures relate (parts add up to totals, a rate times its denominator is its
/// numerator, districts add up to the statewide row) and solves every relation with one unknown, again and again.
/// </summary>
internal sealed class Attacker
{
    private static readonly string[] Frequencies = ["frequency_weekly", "frequency_every_two_weeks", "frequency_monthly", "frequency_less"];
    private static readonly string[] Outcomes = ["pairings_completed", "pairings_incomplete", "pairings_separated", "pairings_in_progress"];
    private static readonly string[] Induction = ["beginning_teachers_induction_year_1", "beginning_teachers_induction_year_2", "beginning_teachers_induction_year_3"];

    // Sums within a district's row: total, parts. Names not a figure's key are unknowns the analyst names.
    private static readonly (string Total, string[] Parts)[] RowSums =
    [
        ("beginning_teachers_served", ["retained", "mentees_left_district"]),
        ("pairings_served", Outcomes),
        ("not_separated", ["pairings_completed", "pairings_incomplete", "pairings_in_progress"]),
        ("not_separated", Frequencies),
        ("finished", ["pairings_completed", "pairings_incomplete"]),
        ("finished", ["met", "not_met"]),
        ("mentors", ["trained_mentors", "untrained"]),
        ("beginning_teachers_served", Induction),
        ("pairings_served", ["pairings_assigned_within_two_weeks", "assigned_later"]),
        ("beginning_teachers_hired", ["beginning_teachers_served", "hired_unpaired"]),
        ("beginning_teachers_served", ["beginning_teachers_returning_next_year", "beginning_teachers_not_returning_next_year", "return_unknown"]),
    ];

    // Products: numerator = rate × denominator, for counts (rounded) or sums.
    private static readonly (string Numerator, string Rate, string Denominator, bool Whole)[] Products =
    [
        ("retained", "mentee_retention_rate", "beginning_teachers_served", true),
        ("met", "share_meeting_requirement", "finished", true),
        ("incentive_spend", "spend_per_mentee", "beginning_teachers_served", false),
        ("mentor_rating_sum", "satisfaction_mentors", "satisfaction_mentor_respondents", true),
        ("mentee_rating_sum", "satisfaction_mentees", "satisfaction_mentee_respondents", true),
    ];

    private static readonly HashSet<string> NotAdditive = ["mentee_retention_rate", "share_meeting_requirement", "spend_per_mentee", "satisfaction_mentors", "satisfaction_mentees", "hours_median", "partnerships"];

    private readonly Dictionary<(string Row, string Name), decimal> _known = [];
    private readonly List<string> _rows;
    private readonly string _total;

    /// <summary>Starts from the published values: row (district id or "statewide") and figure key; null when suppressed.</summary>
    public Attacker(IReadOnlyDictionary<(string Row, string Key), decimal?> published, string totalRow)
    {
        _rows = [.. published.Keys.Select(k => k.Row).Distinct()];
        _total = totalRow;
        foreach (var ((row, key), value) in published)
        {
            if (value is { } v)
            {
                _known[(row, key)] = v;
            }
        }

        Solve();
    }

    /// <summary>What the analyst can work out for <paramref name="key"/> in <paramref name="row"/>: a count, a sum, or a rate from its parts.</summary>
    public decimal? Recovered(string row, string key)
    {
        if (_known.TryGetValue((row, key), out var value))
        {
            return value;
        }

        foreach (var (numerator, rate, denominator, _) in Products)
        {
            if (rate == key && _known.TryGetValue((row, numerator), out var n) && _known.TryGetValue((row, denominator), out var d) && d != 0)
            {
                return Math.Round(n / d, key.StartsWith("satisfaction", StringComparison.Ordinal) || key == "spend_per_mentee" ? 2 : 3);
            }
        }

        return null;
    }

    private void Solve()
    {
        var names = RowSums.SelectMany(s => s.Parts.Append(s.Total)).Concat(Products.SelectMany(p => new[] { p.Numerator, p.Denominator }))
            .Concat(_known.Keys.Select(k => k.Name)).Where(n => !NotAdditive.Contains(n)).Distinct().ToList();
        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var row in _rows)
            {
                foreach (var (total, parts) in RowSums)
                {
                    changed |= SolveSum(parts.Select(p => (row, p)).ToList(), (row, total));
                }

                foreach (var (numerator, rate, denominator, whole) in Products)
                {
                    if (!_known.TryGetValue((row, rate), out var r))
                    {
                        continue;
                    }

                    if (!_known.ContainsKey((row, numerator)) && _known.TryGetValue((row, denominator), out var d))
                    {
                        changed |= Learn((row, numerator), whole ? Math.Round(r * d) : r * d);
                    }
                    else if (!_known.ContainsKey((row, denominator)) && _known.TryGetValue((row, numerator), out var n) && r != 0)
                    {
                        changed |= Learn((row, denominator), Math.Round(n / r));
                    }
                }
            }

            foreach (var name in names)
            {
                changed |= SolveSum([.. _rows.Where(r => r != _total).Select(r => (r, name))], (_total, name));
            }
        }
    }

    // total = Σ parts: with exactly one unknown, it is known.
    private bool SolveSum(List<(string, string)> parts, (string, string) total)
    {
        var members = parts.Append(total).ToList();
        var unknown = members.Where(m => !_known.ContainsKey(m)).ToList();
        if (unknown.Count != 1)
        {
            return false;
        }

        var sum = parts.Where(_known.ContainsKey).Sum(p => _known[p]);
        return Learn(unknown[0], unknown[0] == total ? sum : _known[total] - sum);
    }

    private bool Learn((string, string) cell, decimal value)
    {
        _known[cell] = value;
        return true;
    }

    /// <summary>The analyst's notes, for a failing test's message.</summary>
    public override string ToString() => string.Join("; ", _known.Select(k => string.Create(CultureInfo.InvariantCulture, $"{k.Key.Row}.{k.Key.Name}={k.Value}")));
}
