using System.Globalization;
using MentorFlow.Functions.Api;
using MentorFlow.Functions.Districts;
using MentorFlow.Functions.Records;
using MentorFlow.Functions.Reporting;

namespace MentorFlow.Functions.Hires;

/// <summary>What a district year's roster says beside its pairings, for HR to check what it sent.</summary>
/// <param name="DistrictId">The district.</param>
/// <param name="ProgramYear">The program year.</param>
/// <param name="Hires">Beginning educators on the roster.</param>
/// <param name="NextYearAnswered">Of them, how many have HR's answer on employment in the next year.</param>
/// <param name="EmployedNextYear">Of those, how many were still employed.</param>
/// <param name="MenteesNotListed">Employee ids of the year's mentees missing from the roster (each should be on it).</param>
/// <param name="ReceivedAt">When the roster was sent.</param>
public sealed record HireRosterReport(
    string DistrictId, string ProgramYear, int Hires, int NextYearAnswered, int EmployedNextYear, IReadOnlyList<string> MenteesNotListed, DateTime ReceivedAt);

/// <summary>HR's roster of beginning educators, shared by the API and the HR page: read and check it whole, then save it whole.</summary>
public sealed class HireImport(IHireRosters rosters, IPairingRecords pairings, DistrictDirectory districts, TimeProvider clock)
{
    /// <summary>The most educators a roster holds (the largest districts hire far fewer in a year).</summary>
    public const int MaxHires = 3000;

    /// <summary>Checks <paramref name="csv"/> as the roster of <paramref name="districtId"/>'s <paramref name="programYear"/> and saves it in place of the one before; nothing is saved when there is any error.</summary>
    public async Task<(HireRosterReport? Saved, IReadOnlyList<FieldError> Errors)> SaveAsync(
        string districtId, string programYear, string csv, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(csv);
        var errors = new List<FieldError>();
        if (districts.Find(districtId) is null)
        {
            errors.Add(new FieldError("districtId", $"no district '{districtId}' is served here; use the id a pairing of the district has."));
        }

        if (!ProgramYearName.IsValid(programYear))
        {
            errors.Add(new FieldError("programYear", ProgramYearName.Expected));
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        using var text = new StringReader(csv.TrimStart('\uFEFF'));
        var (rows, readErrors) = HireCsv.Read(text);
        errors.AddRange(readErrors);
        errors.AddRange(Check(rows, int.Parse(programYear.AsSpan(0, 4), CultureInfo.InvariantCulture)));
        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var roster = new HireRoster(districtId, programYear, [.. rows.Select(r => r.Hire)], clock.GetUtcNow().UtcDateTime);
        await rosters.SaveAsync(roster, cancellationToken);
        return (await ReportAsync(roster, cancellationToken), []);
    }

    /// <summary>The district year's roster as HR last sent it, beside the year's pairings; null when none was sent.</summary>
    public async Task<HireRosterReport?> FindAsync(string districtId, string programYear, CancellationToken cancellationToken) =>
        await rosters.FindAsync(districtId, programYear, cancellationToken) is { } roster ? await ReportAsync(roster, cancellationToken) : null;

    private async Task<HireRosterReport> ReportAsync(HireRoster roster, CancellationToken cancellationToken)
    {
        var listed = roster.Hires.Select(h => h.EmployeeId).ToHashSet(StringComparer.Ordinal);
        var notListed = (await pairings.ListAsync(roster.DistrictId, cancellationToken))
            .Where(p => p.Pairing.ProgramYear == roster.ProgramYear && !listed.Contains(p.Mentee.EmployeeId))
            .Select(p => p.Mentee.EmployeeId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return new HireRosterReport(roster.DistrictId, roster.ProgramYear, roster.Hires.Count, roster.NextYearAnswered,
            roster.Hires.Count(h => h.EmployedNextYear == true), notListed, roster.ReceivedAt);
    }

    private static IEnumerable<FieldError> Check(IReadOnlyList<(int Line, Hire Hire)> rows, int startYear)
    {
        if (rows.Count > MaxHires)
        {
            yield return new FieldError("file", string.Create(CultureInfo.InvariantCulture,
                $"has {rows.Count:N0} educators; a roster holds at most {MaxHires:N0}. Send each district's roster on its own."));
        }

        // Hired for the year: from the spring before it (contracts signed early) to its last day.
        var (earliest, latest) = (new DateOnly(startYear, 1, 1), new DateOnly(startYear + 1, 6, 30));
        var firstLine = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (line, hire) in rows)
        {
            if (!firstLine.TryAdd(hire.EmployeeId, line))
            {
                yield return new FieldError(string.Create(CultureInfo.InvariantCulture, $"line {line}, employeeId"),
                    string.Create(CultureInfo.InvariantCulture, $"is also on line {firstLine[hire.EmployeeId]}; list each educator once."));
            }

            if (hire.HiredOn < earliest || hire.HiredOn > latest)
            {
                yield return new FieldError(string.Create(CultureInfo.InvariantCulture, $"line {line}, hiredOn"),
                    $"must fall between {earliest:yyyy-MM-dd} and {latest:yyyy-MM-dd} for this program year; check the date or the year the roster is sent for.");
            }
        }
    }
}
