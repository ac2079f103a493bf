using MentorFlow.Simulation;
using System.IO.Compression;
using System.Text;
using ClosedXML.Excel;
using MentorFlow.Core.Logs;
using Microsoft.Data.Sqlite;
using Parquet.Serialization;

namespace MentorFlow.Functions.Tests.Confidentiality;

// The search that proves no note leaves a simulated year must find a note wherever one is put, however the file hides it.
public sealed class NoteSearchTests
{
    private static readonly string Note = new SimulatedNotes(new Random(11)).Write("pairing-00001-log-1", CollaborationActivity.RegularMeeting)
        ?? throw new InvalidOperationException("The seeded mentor wrote no note: pick another seed.");

    private static readonly string Marker = SimulatedNotes.MarkerIn(Note)!;

    [Theory]
    [InlineData("workbook.xlsx")]
    [InlineData("fact_interaction.parquet")]
    [InlineData("statewide.json")]
    [InlineData("documents.json.gz")]
    [InlineData("engine.db")]
    [InlineData("powerbi.zip")]
    public async Task A_note_put_into_an_output_is_found_by_its_marker(string output)
    {
        var folder = Directory.CreateTempSubdirectory("mentorflow-note-search-");
        try
        {
            var path = Path.Combine(folder.FullName, output);
            await WriteAsync(path, $"Private: {Marker}");
            var clean = Path.Combine(folder.FullName, "clean-" + output);
            await WriteAsync(clean, "Weekly meetings kept by most pairs");

            var found = await new NoteSearch([], [Marker]).FindInAsync([path, clean]);

            Assert.NotEmpty(found);
            Assert.All(found, where => Assert.StartsWith(path, where, StringComparison.Ordinal)); // and nothing in the clean file
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task A_note_in_a_workbook_is_found_though_its_bytes_never_show_it()
    {
        var folder = Directory.CreateTempSubdirectory("mentorflow-note-search-");
        try
        {
            var path = Path.Combine(folder.FullName, "workbook.xlsx");
            await WriteAsync(path, Note);

            var found = await new NoteSearch([Note], []).FindInAsync([path]);

            // Deflated inside the zip, so a search of the raw bytes alone would have missed it.
            Assert.DoesNotContain(Note, Encoding.UTF8.GetString(await File.ReadAllBytesAsync(path)), StringComparison.Ordinal);
            Assert.Contains(found, f => f.StartsWith($"{path}!xl/", StringComparison.Ordinal));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task A_note_in_UTF_16_text_is_found()
    {
        var found = new NoteSearch([], [Marker]).FindIn(await OutputText.OfBytesAsync("page.txt", Encoding.Unicode.GetBytes($"Notes: {Marker}")));

        Assert.Contains(found, f => f.StartsWith("page.txt (as UTF-16)", StringComparison.Ordinal));
    }

    [Fact]
    public void A_search_for_no_note_is_refused_since_it_would_prove_nothing()
    {
        Assert.Throws<ArgumentException>(() => new NoteSearch([], []));
    }

    // Writes text into a file of the kind its name says, the way MentorFlow's outputs are written.
    private static async Task WriteAsync(string path, string text)
    {
        switch (Path.GetFileName(path))
        {
            case var name when name.EndsWith(".xlsx", StringComparison.Ordinal):
                using (var workbook = new XLWorkbook())
                {
                    workbook.AddWorksheet("Pairings").Cell(2, 3).Value = text;
                    workbook.SaveAs(path);
                }

                break;
            case var name when name.EndsWith(".parquet", StringComparison.Ordinal):
                await using (var file = File.Create(path))
                {
                    var rows = Enumerable.Range(0, 200).Select(i => new Row($"pairing-{i:D5}", i == 100 ? text : "RegularMeeting")).ToList();
                    await ParquetSerializer.SerializeAsync(rows, file, new Parquet.ParquetOptions { CompressionMethod = Parquet.CompressionMethod.Gzip });
                }

                break;
            case var name when name.EndsWith(".gz", StringComparison.Ordinal):
                await using (var file = File.Create(path))
                await using (var gzip = new GZipStream(file, CompressionLevel.Optimal))
                {
                    await gzip.WriteAsync(Encoding.UTF8.GetBytes($"{{\"goingWell\":[\"{text}\"]}}"));
                }

                break;
            case var name when name.EndsWith(".db", StringComparison.Ordinal):
                await using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
                {
                    await connection.OpenAsync();
                    await using var command = connection.CreateCommand();
                    command.CommandText = "CREATE TABLE History (Payload TEXT); INSERT INTO History VALUES ($payload);";
                    command.Parameters.AddWithValue("$payload", text);
                    await command.ExecuteNonQueryAsync();
                }

                break;
            case var name when name.EndsWith(".zip", StringComparison.Ordinal):
                using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
                {
                    // A workbook inside a zip: both layers are opened.
                    var inner = path + ".xlsx";
                    await WriteAsync(inner, text);
                    zip.CreateEntryFromFile(inner, "district.xlsx");
                    File.Delete(inner);
                }

                break;
            default:
                await File.WriteAllTextAsync(path, $"{{\"figures\":{{\"note\":\"{text}\"}}}}");
                break;
        }
    }

    private sealed record Row(string PairingId, string Activity);
}
