namespace MentorFlow.Functions.Hires;

/// <summary>Where HR's rosters of beginning educators are kept, one per district and program year.</summary>
public interface IHireRosters
{
    /// <summary>The roster HR last sent for the district's year, or null when none was sent.</summary>
    Task<HireRoster?> FindAsync(string districtId, string programYear, CancellationToken cancellationToken);

    /// <summary>Saves <paramref name="roster"/> in place of the district year's roster, whole or not at all.</summary>
    Task SaveAsync(HireRoster roster, CancellationToken cancellationToken);
}
