namespace MentorFlow.Core.Messaging;

/// <summary>
/// How an email says which pairing it is about, so a coordinator (or a mentor of two mentees) can tell one pairing's
/// emails from another's: a sentence for the body and a tail for the subject, worded for the person it goes to.
/// </summary>
/// <param name="Mentee">The mentee's name.</param>
/// <param name="Mentor">The mentor's name.</param>
/// <param name="School">The school, when known.</param>
/// <param name="DistrictName">The district's name, when known.</param>
public sealed record PairingNames(string Mentee, string Mentor, string? School, string? DistrictName)
{
    /// <summary>The body's first sentence for <paramref name="to"/>, e.g. "Your mentoring pairing with Sam Okafor, Lincoln Elementary, Demo District."</summary>
    public string About(RecipientRole to)
    {
        var where = string.Join(", ", new[] { School, DistrictName }.Where(w => !string.IsNullOrWhiteSpace(w)));
        var at = where.Length == 0 ? "" : $", {where}";
        return to switch
        {
            RecipientRole.Coordinator => $"Pairing: {Mentee} (mentee) with {Mentor} (mentor){at}.",
            RecipientRole.Mentor => $"Your mentoring pairing with {Mentee}{at}.",
            _ => $"Your mentoring pairing with {Mentor}{at}.",
        };
    }

    /// <summary>The subject's tail for <paramref name="to"/>, e.g. " — with Sam Okafor".</summary>
    public string SubjectTail(RecipientRole to) => to switch
    {
        RecipientRole.Coordinator => $" — {Mentee} with {Mentor}",
        RecipientRole.Mentor => $" — with {Mentee}",
        _ => $" — with {Mentor}",
    };
}
