using System.Text.RegularExpressions;
using MentorFlow.Core.Wording;

namespace MentorFlow.Core.Tests.Wording;

/// <summary>Finds the code names of the enums people read (<see cref="ProgramWords.EnumsPeopleRead"/>) in a text a person reads.</summary>
internal static class CodeNames
{
    private static readonly IReadOnlyList<string> Names =
        [.. ProgramWords.EnumsPeopleRead.SelectMany(Enum.GetNames).Distinct(StringComparer.Ordinal).OrderByDescending(n => n.Length)];

    // The rule: a name of two or more PascalCase words (MentorObservesMentee, FullYear) is a code wherever it stands as a whole
    // word; a one-word name (Completed, Kickoff) is ordinary English too, so it counts only as a bare status — capitalised
    // right after ": " or "— " and ending the phrase ("Outcome: Completed.", "— Pending"). Case-sensitive, whole words only.
    private static readonly Regex Code = new(
        $@"\b(?:{string.Join('|', Names.Where(MultiWord))})\b|(?<=(?::|—)\s+)(?:{string.Join('|', Names.Where(n => !MultiWord(n)))})(?=[.,;)]|\s*$)",
        RegexOptions.CultureInvariant | RegexOptions.Multiline);

    /// <summary>The code names in <paramref name="text"/>, in order.</summary>
    public static IReadOnlyList<string> In(string text) => [.. Code.Matches(text).Select(m => m.Value)];

    private static bool MultiWord(string name) => name.Skip(1).Any(char.IsUpper);
}
