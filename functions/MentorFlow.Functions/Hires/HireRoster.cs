namespace MentorFlow.Functions.Hires;

/// <summary>
/// Every beginning educator a district hired for a program year, as HR last sent it: the state report's hiring figures
/// and retention into the next year come from it. A roster sent again replaces the one before.
/// </summary>
/// <param name="DistrictId">The district.</param>
/// <param name="ProgramYear">The program year, e.g. 2026-2027.</param>
/// <param name="Hires">The educators, in the order HR sent them.</param>
/// <param name="ReceivedAt">When HR sent it (UTC, on the app's clock).</param>
public sealed record HireRoster(string DistrictId, string ProgramYear, IReadOnlyList<Hire> Hires, DateTime ReceivedAt)
{
    /// <summary>How many hires have HR's answer on whether they were employed in the next year.</summary>
    public int NextYearAnswered => Hires.Count(h => h.EmployedNextYear is not null);
}
