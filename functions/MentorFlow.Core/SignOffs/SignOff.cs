using MentorFlow.Core.Validation;

namespace MentorFlow.Core.SignOffs;

/// <summary>One person's end-of-year sign-off.</summary>
/// <param name="ConfirmedHours">The hours summary shown to them (confirmed hours outside the contract day).</param>
/// <param name="HoursConfirmed">True when they confirm the hours summary is right.</param>
/// <param name="Satisfaction">How satisfied they are with the mentoring, 1 to 5.</param>
/// <param name="SignedName">The name typed as signature.</param>
public sealed record SignOff(decimal ConfirmedHours, bool HoursConfirmed, int Satisfaction, string SignedName)
{
    /// <summary>Rule violations; empty when it can be submitted.</summary>
    public IReadOnlyList<RuleViolation> Validate() => new RuleCheck()
        .Require(HoursConfirmed, "hoursConfirmed", "confirm the hours summary, or tell the coordinator what is wrong before signing")
        .Require(Satisfaction is >= 1 and <= 5, "satisfaction", "rate your satisfaction from 1 to 5")
        .RequireText(SignedName, "signedName", "your name as signature")
        .Violations;
}
