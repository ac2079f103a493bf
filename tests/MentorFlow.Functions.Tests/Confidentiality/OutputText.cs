using System.Globalization;
using System.IO.Compression;
using System.Text;
using Parquet.Serialization;

namespace MentorFlow.Functions.Tests.Confidentiality;

/// <summary>
/// Every text a reader of an output file could get out of it: its raw bytes (as UTF-8 and as UTF-16), and where it is a
/// container, what is inside — each part of a zip (a workbook, a Power BI package) read the same way, gzip decompressed,
/// every value of a Parquet file decoded from its compressed pages.
/// </summary>
internal static class OutputText
{
    private static readonly byte[] Zip = [0x50, 0x4b, 0x03, 0x04];
    private static readonly byte[] Gzip = [0x1f, 0x8b];
    private static readonly byte[] Parquet = "PAR1"u8.ToArray();

    /// <summary>The texts of the file at <paramref name="path"/>, each with where it was found.</summary>
    public static async Task<IReadOnlyList<(string Where, string Text)>> OfFileAsync(string path) =>
        await OfBytesAsync(path, await File.ReadAllBytesAsync(path));

    /// <summary>The texts of <paramref name="bytes"/>, each with where it was found (<paramref name="where"/> and the part).</summary>
    public static async Task<IReadOnlyList<(string Where, string Text)>> OfBytesAsync(string where, byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var texts = new List<(string, string)>
        {
            (where, Encoding.UTF8.GetString(bytes)),
            ($"{where} (as UTF-16)", Encoding.Unicode.GetString(bytes)),
        };
        if (bytes.AsSpan().StartsWith(Zip))
        {
            using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
            foreach (var entry in zip.Entries)
            {
                await using var part = entry.Open();
                texts.AddRange(await OfBytesAsync($"{where}!{entry.FullName}", await ReadAllAsync(part)));
            }
        }
        else if (bytes.AsSpan().StartsWith(Gzip))
        {
            await using var unzipped = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
            texts.AddRange(await OfBytesAsync($"{where} (gunzipped)", await ReadAllAsync(unzipped)));
        }
        else if (bytes.AsSpan().StartsWith(Parquet))
        {
            var rows = (await ParquetSerializer.DeserializeUntypedAsync(new MemoryStream(bytes))).Data;
            var values = rows.SelectMany(row => row.Values).Select(v => Convert.ToString(v, CultureInfo.InvariantCulture) ?? "");
            texts.Add(($"{where} (values)", string.Join('\n', values)));
        }

        return texts;
    }

    private static async Task<byte[]> ReadAllAsync(Stream stream)
    {
        using var memory = new MemoryStream();
        await stream.CopyToAsync(memory);
        return memory.ToArray();
    }
}
