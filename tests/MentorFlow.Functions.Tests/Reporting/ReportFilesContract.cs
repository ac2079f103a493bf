using System.Text;
using MentorFlow.Functions.Reporting;

namespace MentorFlow.Functions.Tests.Reporting;

/// <summary>
/// What any report files store must do, written once and run on each (the reports folder, Blob Storage on Azurite):
/// files written from streams and local files read back whole with length, time and media type; a year's files are listed;
/// a replaced file is never read half old and half new; a published Power BI folder loses the files its manifest dropped.
/// </summary>
public abstract class ReportFilesContract : IAsyncLifetime
{
    private const string Year = "2026-2027";

    private IReportFiles? _files;

    /// <summary>The store under test, empty.</summary>
    protected IReportFiles Files => _files ?? throw new InvalidOperationException("Not initialized.");

    /// <summary>Creates an empty store.</summary>
    protected abstract Task<IReportFiles> CreateAsync();

    /// <summary>Removes what <see cref="CreateAsync"/> made.</summary>
    protected abstract Task DeleteAsync();

    public async Task InitializeAsync() => _files = await CreateAsync();

    public Task DisposeAsync() => DeleteAsync();

    [Fact]
    public async Task A_file_written_from_a_stream_reads_back_whole_with_its_length_time_and_workbook_media_type()
    {
        var bytes = RandomBytes(300_000, seed: 1);
        using var source = new MemoryStream(bytes);

        await Files.WriteAsync($"{Year}/districts/demo-district.xlsx", source, default);

        await using var file = await Files.OpenReadAsync($"{Year}/districts/demo-district.xlsx", default);
        Assert.NotNull(file);
        Assert.Equal(bytes.Length, file.Length);
        Assert.Equal(ReportFilePaths.Xlsx, file.ContentType);
        Assert.InRange(file.LastModified, DateTimeOffset.UtcNow.AddMinutes(-2), DateTimeOffset.UtcNow.AddMinutes(1));
        Assert.Equal(bytes, await ReadAllAsync(file.Content));
    }

    [Theory]
    [InlineData("manifest.json", "application/json")]
    [InlineData("fact_published_figure.csv", "text/csv; charset=utf-8")]
    [InlineData("fact_published_figure.parquet", "application/vnd.apache.parquet")]
    public async Task A_file_written_from_a_local_file_reads_back_with_the_media_type_of_its_extension(string name, string contentType)
    {
        var local = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(local, $"content of {name}");

            await Files.WriteFileAsync($"powerbi/{Year}/{name}", local, default);

            await using var file = await Files.OpenReadAsync($"powerbi/{Year}/{name}", default);
            Assert.NotNull(file);
            Assert.Equal(contentType, file.ContentType);
            Assert.Equal($"content of {name}", Encoding.UTF8.GetString(await ReadAllAsync(file.Content)));
        }
        finally
        {
            File.Delete(local);
        }
    }

    [Fact]
    public async Task A_file_never_written_opens_as_none_and_deleting_it_is_no_error()
    {
        Assert.Null(await Files.OpenReadAsync($"{Year}/state.xlsx", default));
        Assert.Empty(await Files.ListAsync(Year, default));
        await Files.DeleteAsync($"{Year}/state.xlsx", default);

        await WriteTextAsync($"{Year}/districts/other.xlsx", "x");

        Assert.Null(await Files.OpenReadAsync($"{Year}/state.xlsx", default));
    }

    [Theory]
    [InlineData("../data/staff-keys.json")]
    [InlineData("/etc/passwd")]
    [InlineData("powerbi/2026-2027/../../data/mentorflow.db")]
    public async Task A_name_outside_the_reports_is_refused(string name)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Files.OpenReadAsync(name, default));
        await Assert.ThrowsAsync<ArgumentException>(() => WriteTextAsync(name, "x"));
    }

    [Fact]
    public async Task A_year_lists_its_workbooks_and_power_bi_files_and_nothing_of_another_year()
    {
        await WriteTextAsync($"{Year}/districts/demo-district.xlsx", "d");
        await WriteTextAsync($"{Year}/state.xlsx", "s");
        await WriteTextAsync($"{Year}/districts/demo-district/powerbi/manifest.json", "m");
        await WriteTextAsync($"powerbi/{Year}/manifest.json", "m");
        await WriteTextAsync("2025-2026/state.xlsx", "old");
        await WriteTextAsync("powerbi/2025-2026/manifest.json", "old");

        Assert.Equal(
            [$"{Year}/districts/demo-district.xlsx", $"{Year}/districts/demo-district/powerbi/manifest.json", $"{Year}/state.xlsx", $"powerbi/{Year}/manifest.json"],
            await Files.ListAsync(Year, default));
        Assert.Equal(["2025-2026/state.xlsx", "powerbi/2025-2026/manifest.json"], await Files.ListAsync("2025-2026", default));
    }

    [Fact]
    public async Task A_deleted_file_is_gone_and_the_others_stay()
    {
        await WriteTextAsync($"{Year}/state.xlsx", "s");
        await WriteTextAsync($"{Year}/districts/demo-district.xlsx", "d");

        await Files.DeleteAsync($"{Year}/state.xlsx", default);

        Assert.Null(await Files.OpenReadAsync($"{Year}/state.xlsx", default));
        Assert.Equal([$"{Year}/districts/demo-district.xlsx"], await Files.ListAsync(Year, default));
    }

    [Fact]
    public async Task A_file_replaced_while_an_analyst_downloads_it_is_read_whole_old_or_fails_never_mixed_and_then_reads_new()
    {
        // Larger than a blob read's first chunk (4 MiB), so the rest is fetched after the replacement.
        var old = RandomBytes(9 * 1024 * 1024, seed: 2);
        var fresh = RandomBytes(9 * 1024 * 1024, seed: 3);
        using (var source = new MemoryStream(old))
        {
            await Files.WriteAsync($"{Year}/state.xlsx", source, default);
        }

        await using var reading = await Files.OpenReadAsync($"{Year}/state.xlsx", default);
        Assert.NotNull(reading);
        var start = new byte[1024];
        await reading.Content.ReadExactlyAsync(start);
        using (var source = new MemoryStream(fresh))
        {
            await Files.WriteAsync($"{Year}/state.xlsx", source, default);
        }

        byte[]? rest = null;
        try
        {
            rest = await ReadAllAsync(reading.Content);
        }
#pragma warning disable CA1031 // Failing the download is one of the two allowed outcomes, whatever the store raises for it.
        catch (Exception)
#pragma warning restore CA1031
        {
        }

        if (rest is not null)
        {
            Assert.Equal(old, start.Concat(rest).ToArray());
        }

        await using var again = await Files.OpenReadAsync($"{Year}/state.xlsx", default);
        Assert.NotNull(again);
        Assert.Equal(fresh, await ReadAllAsync(again.Content));
    }

    [Fact]
    public async Task A_publish_uploads_a_staged_year_and_a_power_bi_folder_keeps_only_what_its_new_manifest_lists()
    {
        var first = Stage(($"{Year}/state.xlsx", "state 1"), ($"powerbi/{Year}/dim_old.parquet", "old table"), ($"powerbi/{Year}/manifest.json", "manifest 1"));
        var second = Stage(($"powerbi/{Year}/dim_new.parquet", "new table"), ($"powerbi/{Year}/manifest.json", "manifest 2"));
        try
        {
            Assert.Equal(3, await ReportPublisher.PublishAsync(Files, Year, first, default));
            Assert.Equal(2, await ReportPublisher.PublishAsync(Files, Year, second, default));

            Assert.Equal([$"{Year}/state.xlsx", $"powerbi/{Year}/dim_new.parquet", $"powerbi/{Year}/manifest.json"], await Files.ListAsync(Year, default));
            Assert.Equal("manifest 2", await ReadTextAsync($"powerbi/{Year}/manifest.json"));
            Assert.Equal("state 1", await ReadTextAsync($"{Year}/state.xlsx"));
        }
        finally
        {
            Directory.Delete(first, recursive: true);
            Directory.Delete(second, recursive: true);
        }
    }

    private static string Stage(params (string Name, string Text)[] files)
    {
        var folder = Directory.CreateTempSubdirectory("mentorflow-staged-").FullName;
        foreach (var (name, text) in files)
        {
            var path = Path.Combine(folder, name);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
        }

        return folder;
    }

    private async Task WriteTextAsync(string name, string text)
    {
        using var source = new MemoryStream(Encoding.UTF8.GetBytes(text));
        await Files.WriteAsync(name, source, default);
    }

    private async Task<string> ReadTextAsync(string name)
    {
        await using var file = await Files.OpenReadAsync(name, default);
        Assert.NotNull(file);
        return Encoding.UTF8.GetString(await ReadAllAsync(file.Content));
    }

    private static async Task<byte[]> ReadAllAsync(Stream stream)
    {
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }

    private static byte[] RandomBytes(int length, int seed)
    {
        var bytes = new byte[length];
#pragma warning disable CA5394 // Test data, not a secret.
        new Random(seed).NextBytes(bytes);
#pragma warning restore CA5394
        return bytes;
    }
}
