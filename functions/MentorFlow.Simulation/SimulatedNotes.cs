using MentorFlow.Core.Logs;

namespace MentorFlow.Simulation;

/// <summary>
/// What a simulated mentor writes in a log's private notes, as a real mentor would on the log form: most regular
/// meetings and some brief conversations get a line or two about what came up and what they agreed to try. Each note
/// ends in a marker no other note has (<see cref="MarkerPrefix"/>, the log's id and a random code), so a check can
/// look for every note in every output of a simulated year.
/// </summary>
/// <remarks>
/// The notes draw from their own seeded random, never from the one the pair's behaviour draws from, so a year with
/// notes has the same figures as the same seed's year would have without them.
/// </remarks>
public sealed class SimulatedNotes(Random random)
{
    /// <summary>How every note's marker starts.</summary>
    public const string MarkerPrefix = "private-note-";

    // Plain words only: no quote, ampersand or angle bracket a JSON or XML writer would escape.
    private static readonly string[] Topics =
    [
        "a hard phone call with a parent", "pacing the fractions unit", "seating for group work", "a student who stopped handing in work",
        "grading every weekend", "how the observation debrief felt", "routines after lunch", "feeling behind on planning",
        "a disagreement with a colleague on the team", "the first IEP meeting", "being tired and thinking about leaving", "a lesson that went badly",
    ];

    private static readonly string[] NextSteps =
    [
        "try wait time before calling on anyone", "call the family together next week", "borrow my unit plan", "visit my room during fourth period",
        "plan the next two weeks together", "write down three things that went well", "talk to the principal about it only if it happens again",
        "keep a short list of what to let go of",
    ];

    private const string CodeLetters = "abcdefghijkmnpqrstuvwxyz23456789";

    /// <summary>The note the mentor writes for the log <paramref name="logId"/> of <paramref name="activity"/>, or null when they write none.</summary>
    public string? Write(string logId, CollaborationActivity activity)
    {
        var chance = activity == CollaborationActivity.RegularMeeting ? 0.75 : 0.3;
        if (random.NextDouble() >= chance)
        {
            return null;
        }

        var topic = Topics[random.Next(Topics.Length)];
        var next = NextSteps[random.Next(NextSteps.Length)];
        var code = string.Create(8, random, static (chars, r) =>
        {
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = CodeLetters[r.Next(CodeLetters.Length)];
            }
        });
        return $"Talked about {topic}. Next we {next}. [{MarkerPrefix}{logId}-{code}]";
    }

    /// <summary>The marker a note written here ends in, or null when <paramref name="note"/> has none.</summary>
    public static string? MarkerIn(string note)
    {
        ArgumentNullException.ThrowIfNull(note);
        var start = note.LastIndexOf("[" + MarkerPrefix, StringComparison.Ordinal);
        return start < 0 || !note.EndsWith(']') ? null : note[(start + 1)..^1];
    }
}
