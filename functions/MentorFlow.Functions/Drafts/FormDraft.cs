using MentorFlow.Core.Messaging;

namespace MentorFlow.Functions.Drafts;

/// <summary>
/// A long form as someone left it, unsent: the fields as posted, kept for the person's own link to open again. It is theirs
/// alone: never shown to staff, never part of a report, and gone once the form is sent.
/// </summary>
/// <param name="PairingId">The pairing.</param>
/// <param name="Step">The step of the form (e.g. "action-plan").</param>
/// <param name="Person">Whose draft it is.</param>
/// <param name="Fields">The form's fields by name, as posted.</param>
/// <param name="SavedAt">When it was saved (UTC).</param>
public sealed record FormDraft(string PairingId, string Step, RecipientRole Person, IReadOnlyDictionary<string, string> Fields, DateTime SavedAt);
