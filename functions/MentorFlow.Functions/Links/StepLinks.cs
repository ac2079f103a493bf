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

    /// <summary>The link for <paramref name="message"/>'s step, or null when it has none; a coordinator's email links to the pairing's page.</summary>
    public Uri? For(ProgramMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.To.Role == RecipientRole.Coordinator)
        {
            // The coordinator signs in; every email of theirs opens the pairing's page, where its actions are.
            return new Uri(address.Base, $"coordinator/pairings/{Uri.EscapeDataString(message.PairingId)}");
        }

        if (message.Step is not { } step)
        {
            return null;
        }

        var days = step == LogStep ? 400 : _stepDays;
        var token = signer.Sign(new StepLink(message.PairingId, message.To.Role, step, clock.GetUtcNow().AddDays(days)));
        return new Uri(address.Base, $"s/{token}");
    }
}
