using System.Buffers;

namespace MentorFlow.Functions.Tests.Confidentiality;

/// <summary>Looks for any of a year's private notes (each whole, and each by its marker) in the texts of output files, all at once.</summary>
internal sealed class NoteSearch
{
    private readonly SearchValues<string> _notes;

    /// <summary>A search for <paramref name="notes"/> and <paramref name="markers"/>.</summary>
    public NoteSearch(IEnumerable<string> notes, IEnumerable<string> markers)
    {
        string[] all = [.. notes, .. markers];
        if (all.Length == 0)
        {
            throw new ArgumentException("Nothing to look for: a search for no note finds nothing and proves nothing.", nameof(notes));
        }

        _notes = SearchValues.Create(all, StringComparison.Ordinal);
    }

    /// <summary>Where a note or a marker appears in the files, with a little of the text around it; empty when nowhere.</summary>
    public async Task<IReadOnlyList<string>> FindInAsync(IEnumerable<string> files)
    {
        var found = new List<string>();
        foreach (var file in files)
        {
            found.AddRange(FindIn(await OutputText.OfFileAsync(file)));
        }

        return found;
    }

    /// <summary>Where a note or a marker appears in <paramref name="texts"/>; empty when nowhere.</summary>
    public IReadOnlyList<string> FindIn(IReadOnlyList<(string Where, string Text)> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var found = new List<string>();
        foreach (var (where, text) in texts)
        {
            var at = text.AsSpan().IndexOfAny(_notes);
            if (at >= 0)
            {
                found.Add($"{where}: …{text.Substring(at, Math.Min(120, text.Length - at))}…");
            }
        }

        return found;
    }
}
