using System.Globalization;
using System.Net;
using MentorFlow.Core.Messaging;
using MentorFlow.Core.Year;
using MentorFlow.Functions.Links;
using MentorFlow.Functions.Submissions;
using MentorFlow.Functions.Tests.Forms;
using MentorFlow.Functions.Tests.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace MentorFlow.Functions.Tests.Health;

/// <summary>A person posting a form while the data disk is full gets a page saying it was not saved and what to do, then saves it once the disk has room.</summary>
public sealed class DiskFaultFormTests
{
    [Fact]
    public async Task A_form_posted_on_a_full_disk_gets_a_503_page_in_plain_words_and_goes_through_once_there_is_room()
    {
        var root = Directory.CreateTempSubdirectory("mentorflow-fullform-").FullName;
        FullDiskSubmissions? disk = null;
        await using var app = await RunningApp.StartAsync(root, services =>
        {
            var real = services.Single(d => d.ServiceType == typeof(ISubmissionStore));
            services.Remove(real);
            services.AddSingleton<ISubmissionStore>(sp => disk = new FullDiskSubmissions((ISubmissionStore)real.ImplementationFactory!(sp)));
        });
        var id = await StepPages.StartPairingAsync(app);
        var signer = app.Services.GetRequiredService<StepLinkSigner>();
        var link = new Uri(app.BaseAddress, "/s/" + signer.Sign(new StepLink(id, RecipientRole.Mentor, StepLinks.LogStep, DateTimeOffset.Parse("2027-09-01T00:00:00Z", CultureInfo.InvariantCulture))));
        using var mentor = new HttpForm();
        Assert.Equal(HttpStatusCode.OK, await mentor.GetAsync(link));
        var fields = new Dictionary<string, string>
        {
            ["Log.LogId"] = mentor.Value("Log.LogId"), ["Log.Date"] = "2026-09-01", ["Log.Minutes"] = "45", ["Log.OutsideContractDay"] = "true", ["Log.Activities"] = "RegularMeeting",
        };

        disk!.Full = true;
        var refused = await mentor.PostAsync(link, fields);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused);
        Assert.Contains("Not saved yet", mentor.Html, StringComparison.Ordinal);
        Assert.Contains("What to do", mentor.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("problem", mentor.Html, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(await disk.ListAsync<object>(id, "log", CancellationToken.None));

        disk.Full = false;
        await mentor.GetAsync(link);
        fields["Log.LogId"] = mentor.Value("Log.LogId");
        Assert.Equal(HttpStatusCode.OK, await mentor.PostAsync(link, fields));
        Assert.Single(await disk.ListAsync<object>(id, "log", CancellationToken.None));
    }

    // The real store, refusing writes as SQLite does on a full disk (SQLITE_FULL) while Full is set.
    private sealed class FullDiskSubmissions(ISubmissionStore inner) : ISubmissionStore
    {
        public bool Full { get; set; }

        public Task<bool> TryAddAsync<T>(string pairingId, string kind, string key, T value, DateTime submittedAt, PairingYearEvent yearEvent, CancellationToken cancellationToken) =>
            Full ? throw new SqliteException("SQLite Error 13: 'database or disk is full'.", 13) : inner.TryAddAsync(pairingId, kind, key, value, submittedAt, yearEvent, cancellationToken);

        public Task<bool> TryReplaceAsync<T>(string pairingId, string kind, IReadOnlyList<SubmissionChange<T>> changes, DateTime submittedAt, PairingYearEvent yearEvent, CancellationToken cancellationToken) =>
            Full ? throw new SqliteException("SQLite Error 13: 'database or disk is full'.", 13) : inner.TryReplaceAsync(pairingId, kind, changes, submittedAt, yearEvent, cancellationToken);

        public Task<bool> TryWithdrawAsync<T>(string pairingId, string kind, string key, T read, DateTime withdrawnAt, PairingYearEvent yearEvent, CancellationToken cancellationToken) =>
            Full ? throw new SqliteException("SQLite Error 13: 'database or disk is full'.", 13) : inner.TryWithdrawAsync(pairingId, kind, key, read, withdrawnAt, yearEvent, cancellationToken);

        public Task<T?> FindAsync<T>(string pairingId, string kind, string key, CancellationToken cancellationToken) => inner.FindAsync<T>(pairingId, kind, key, cancellationToken);

        public Task<IReadOnlyList<T>> ListAsync<T>(string pairingId, string kind, CancellationToken cancellationToken) => inner.ListAsync<T>(pairingId, kind, cancellationToken);
    }
}
