using MentorFlow.Core.Messaging;

namespace MentorFlow.Functions.Links;

/// <summary>
/// The link an email carries for its step: <c>{PublicUrl}/s/{token}</c>, signed for the one person it is sent to.
/// A step link lasts <c>MentorFlow:Links:StepDays</c> (default 60) days; the standing log-a-meeting link a school year.
/// </summary>
public sealed class StepLinks(StepLinkSigner signer, TimeProvider clock, PublicAddress address, IConfiguration configuration)
{
    /// <summary>The step of the standing personal link for logging meetings.</summary>
    public const string LogStep = "log";

    private readonly int _stepDays = configuration.GetValue("MentorFlow:Links:StepDays", 60);

    /// <summary>The link for <paramref name="message"/>'s step, or null when it has none; the coordinator's decision links open the coordinator page.</summary>
    public Uri? For(ProgramMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Step is not { } step)
        {
            return null;
        }

        if (message.To.Role == RecipientRole.Coordinator)
        {
            // The coordinator signs in; the link opens the pairings waiting for a decision.
            return step == "decision" ? new Uri(address.Base, "coordinator?stage=CoordinatorDecision") : null;
        }

        var days = step == LogStep ? 400 : _stepDays;
        var token = signer.Sign(new StepLink(message.PairingId, message.To.Role, step, clock.GetUtcNow().AddDays(days)));
        return new Uri(address.Base, $"s/{token}");
    }
}
