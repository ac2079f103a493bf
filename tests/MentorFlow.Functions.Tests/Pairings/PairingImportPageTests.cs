using System.Net;
using System.Text;
using MentorFlow.Functions.Records;
using MentorFlow.Functions.Staff;
using MentorFlow.Functions.Tests.Forms;
using MentorFlow.Functions.Tests.Hosting;
using MentorFlow.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace MentorFlow.Functions.Tests.Pairings;

/// <summary>HR uploads the CSV in a browser, sees every pairing and every error by line and column before anything is saved, then imports all at once.</summary>
public sealed class PairingImportPageTests
{
    private static readonly string Sample = File.ReadAllText(RepositoryRoot.Combine("functions", "MentorFlow.Functions", "Pairings", "pairings-sample.csv"));

    [Fact]
    public async Task A_browser_upload_is_previewed_with_nothing_saved_and_imported_all_at_once_when_hr_confirms()
    {
        await using var app = await RunningApp.StartAsync();
        using var hr = await SignedInAsync(app);
        var page = new Uri(app.BaseAddress, "/hr/import");
        var rows = Sample.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length - 1;

        Assert.Equal(HttpStatusCode.OK, await hr.PostFileAsync(page, "file", "pairings.csv", Encoding.UTF8.GetBytes(Sample)));

        Assert.Contains($"Import these {rows} pairings", hr.Html, StringComparison.Ordinal);
        Assert.Empty(await Records(app));

        Assert.Equal(HttpStatusCode.OK, await hr.PostAsync(page, [new("confirm", "import"), new("csv", hr.Value("csv"))]));

        Assert.Contains($"Imported: {rows} new pairings started", hr.Html, StringComparison.Ordinal);
        Assert.Equal(rows, (await Records(app)).Count);
    }

    [Fact]
    public async Task A_file_with_a_bad_row_shows_each_error_by_line_and_column_offers_no_import_and_saves_nothing()
    {
        await using var app = await RunningApp.StartAsync();
        using var hr = await SignedInAsync(app);
        var lines = Sample.Split('\n');
        lines[2] = lines[2].Replace("2026-", "2026-13-", StringComparison.Ordinal);
        var broken = Encoding.UTF8.GetBytes(string.Join('\n', lines));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, await hr.PostFileAsync(new Uri(app.BaseAddress, "/hr/import"), "file", "pairings.csv", broken));

        Assert.Contains("nothing from it was imported", hr.Html, StringComparison.Ordinal);
        Assert.Contains("line 3, ", hr.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("Import these", hr.Html, StringComparison.Ordinal);
        Assert.Empty(await Records(app));
    }

    [Fact]
    public async Task An_analyst_cannot_open_the_import_page()
    {
        await using var app = await RunningApp.StartAsync();
        using var analyst = new HttpForm();
        var signIn = new Uri(app.BaseAddress, "/staff/sign-in?ReturnUrl=/");
        await analyst.GetAsync(signIn);
        await analyst.PostAsync(signIn, [new("Key", RunningApp.Keys[StaffRole.Analyst])]);

        await analyst.GetAsync(new Uri(app.BaseAddress, "/hr/import"));

        Assert.DoesNotContain("Upload a file", analyst.Html, StringComparison.Ordinal);
    }

    private static async Task<HttpForm> SignedInAsync(RunningApp app)
    {
        var hr = new HttpForm();
        var signIn = new Uri(app.BaseAddress, "/staff/sign-in?ReturnUrl=/hr/import");
        await hr.GetAsync(signIn);
        Assert.Equal(HttpStatusCode.OK, await hr.PostAsync(signIn, [new("Key", RunningApp.Keys[StaffRole.Hr])]));
        Assert.Contains("Upload a file", hr.Html, StringComparison.Ordinal);
        return hr;
    }

    private static Task<IReadOnlyList<PairingRecord>> Records(RunningApp app) =>
        app.Services.GetRequiredService<IPairingRecords>().ListAsync("demo-district", CancellationToken.None);
}
