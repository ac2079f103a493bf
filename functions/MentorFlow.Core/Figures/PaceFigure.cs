namespace MentorFlow.Core.Figures;

/// <summary>Confirmed hours against what the requirement expects by a date.</summary>
/// <param name="ConfirmedHours">Confirmed hours outside the contract day so far.</param>
/// <param name="ExpectedHours">Hours an even pace towards the requirement expects by the date.</param>
/// <param name="RequiredHours">Hours the term requires in total.</param>
public sealed record PaceFigure(decimal ConfirmedHours, decimal ExpectedHours, decimal RequiredHours)
{
    /// <summary>Confirmed as a share of expected (1 when nothing is expected yet).</summary>
    public decimal ShareOfPace => ExpectedHours <= 0 ? 1 : Math.Round(ConfirmedHours / ExpectedHours, 3);

    /// <summary>True when confirmed hours keep up with the pace.</summary>
    public bool OnPace => ConfirmedHours >= ExpectedHours;

    /// <summary>True when the requirement is met.</summary>
    public bool RequirementMet => ConfirmedHours >= RequiredHours;
}
