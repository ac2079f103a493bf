namespace MentorFlow.Core.Messaging;

/// <summary>What the ledger says about sending a message now.</summary>
public enum SendIntent
{
    /// <summary>No earlier attempt: the intent is recorded, send it.</summary>
    SendNow,

    /// <summary>It was sent before: do not send.</summary>
    AlreadySent,

    /// <summary>An earlier attempt was cut off after the intent and before the outcome: it may have gone, so it is not sent again.</summary>
    Unknown,
}
