namespace MentorFlow.Core.Settings;

/// <summary>How long a pairing runs within the program year.</summary>
public enum PairingTerm
{
    /// <summary>The whole program year.</summary>
    FullYear,

    /// <summary>The first half-year term.</summary>
    FirstHalf,

    /// <summary>The second half-year term.</summary>
    SecondHalf,
}
