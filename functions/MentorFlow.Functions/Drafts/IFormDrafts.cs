using MentorFlow.Core.Messaging;

namespace MentorFlow.Functions.Drafts;

/// <summary>Keeps one draft per pairing, step and person.</summary>
public interface IFormDrafts
{
    /// <summary>Keeps <paramref name="draft"/> in place of any earlier draft of the same form.</summary>
    Task SaveAsync(FormDraft draft, CancellationToken cancellationToken);

    /// <summary>The person's draft of the form of <paramref name="formStep"/>, or null.</summary>
    Task<FormDraft?> FindAsync(string pairingId, string formStep, RecipientRole person, CancellationToken cancellationToken);

    /// <summary>Forgets the draft (once the form is sent); nothing happens when there is none.</summary>
    Task DeleteAsync(string pairingId, string formStep, RecipientRole person, CancellationToken cancellationToken);
}
