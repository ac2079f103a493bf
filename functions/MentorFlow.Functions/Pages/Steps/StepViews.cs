using MentorFlow.Core.Year;

namespace MentorFlow.Functions.Pages.Steps;

/// <summary>What a link to a step without a form of its own shows.</summary>
/// <param name="Heading">The top of the page.</param>
/// <param name="Progress">Where the year stands, once it started.</param>
public sealed record StepStatusView(StepHeading Heading, PairingYearStatus? Progress);

/// <summary>What a link that does not open shows.</summary>
/// <param name="Expired">True when it is genuine but past its expiry; false when it was changed or its pairing is gone.</param>
public sealed record StepLinkNotOpenView(bool Expired);
