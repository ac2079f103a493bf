using MentorFlow.Simulation;
using MentorFlow.Functions.Simulation;
using Microsoft.Data.Sqlite;

namespace MentorFlow.Functions.Tests.Confidentiality;

// The confidentiality rule on a whole simulated year: its mentors write private notes on their logs, as real ones do,
// and not one of them reaches the year's reports, its engine database or what the command prints.
public sealed class SimulatedYearNotesTests
{
    private const int Pairings = 30;

    [Fact]
    public async Task The_notes_a_simulated_year_s_mentors_write_reach_none_of_its_outputs()
    {
        var root = Directory.CreateTempSubdirectory("mentorflow-simulated-notes-");
        try
        {
            using var output = new StringWriter();
            using var errors = new StringWriter();

            var exit = await SimulateCommand.RunAsync(["--pairings", $"{Pairings}", "--seed", "5", "--MentorFlow:Folders:Root", root.FullName], output, errors);

            Assert.True(exit == 0, output.ToString() + errors);
            var data = Path.Combine(root.FullName, "data");
            var logBook = Path.Combine(data, SimulatedLogBook.FileName);
            var notes = (await SimulatedLogBook.ReadAsync(logBook, CancellationToken.None))
                .Select(kept => kept.Log.PrivateNotes).OfType<string>().ToList();
            var markers = notes.Select(SimulatedNotes.MarkerIn).OfType<string>().ToList();
            // Most pairs meet most weeks and the mentor writes a note on most meetings: hundreds of notes, each its own marker.
            Assert.True(notes.Count > Pairings * 10, $"only {notes.Count} notes");
            Assert.Equal(notes.Count, markers.Distinct(StringComparer.Ordinal).Count());

            // Every output: the workbooks, the Power BI files (the district's own and the published), the report documents,
            // the engine's database, and what the command printed. Only the pairs' own log book holds the notes.
            var reports = Directory.GetFiles(Path.Combine(root.FullName, "reports"), "*", SearchOption.AllDirectories);
            var engine = Directory.GetFiles(data).Where(f => f != logBook).ToList();
            Assert.Contains(reports, f => f.EndsWith(".xlsx", StringComparison.Ordinal));
            Assert.Contains(reports, f => f.EndsWith(".parquet", StringComparison.Ordinal));
            Assert.Contains(reports, f => f.EndsWith("statewide.json", StringComparison.Ordinal));
            Assert.Contains(reports, f => f.EndsWith(".tmdl", StringComparison.Ordinal) || f.EndsWith("manifest.json", StringComparison.Ordinal));
            Assert.Contains(engine, f => f.EndsWith("simulation.db", StringComparison.Ordinal));
            var search = new NoteSearch(notes, markers);

            var found = (await search.FindInAsync([.. reports, .. engine]))
                .Concat(search.FindIn([("printed output", output.ToString() + errors)]))
                .ToList();

            Assert.True(found.Count == 0, $"private notes found in outputs:\n{string.Join('\n', found.Take(10))}");
            Assert.NotEmpty(await search.FindInAsync([logBook])); // the search does see them where they are kept
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            root.Delete(recursive: true);
        }
    }
}
