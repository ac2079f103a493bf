namespace MentorFlow.Core.Year;

/// <summary>Where a pairing is in its program year.</summary>
public enum PairingStage
{
    /// <summary>Both sign the action plan.</summary>
    Kickoff,

    /// <summary>The mentor fills in the regular meeting schedule.</summary>
    ScheduleFillIn,

    /// <summary>Meetings and observations before the midpoint.</summary>
    FirstObservations,

    /// <summary>The midyear check is out.</summary>
    MidyearCheck,

    /// <summary>Meetings and observations after the midyear check.</summary>
    SecondObservations,

    /// <summary>Both confirm the hours and sign off.</summary>
    SignOff,

    /// <summary>The coordinator decides (hours short, or sign-off never came).</summary>
    CoordinatorDecision,

    /// <summary>The year is over; see the outcome.</summary>
    Finished,
}
