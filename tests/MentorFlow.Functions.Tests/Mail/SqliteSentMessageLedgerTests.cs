using MentorFlow.Core.Messaging;
using MentorFlow.Functions.Mail;
using Microsoft.Data.Sqlite;

namespace MentorFlow.Functions.Tests.Mail;

public sealed class SqliteSentMessageLedgerTests : IDisposable
{
    private static readonly DateTime At = new(2026, 9, 1, 12, 0, 0, DateTimeKind.Utc);
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("mentorflow-ledger-");

    private string Path => System.IO.Path.Combine(_folder.FullName, "mentorflow.db");

    [Fact]
    public async Task A_send_recorded_goes_once_one_that_certainly_failed_goes_later_and_one_cut_off_stays_unknown_across_a_restart()
    {
        var ledger = new SqliteSentMessageLedger(Path);
        Assert.Equal(SendIntent.SendNow, await ledger.RecordIntentAsync("p-1/ActionPlanInvite/Mentor/1", At, default));
        await ledger.RecordSentAsync("p-1/ActionPlanInvite/Mentor/1", At, default);
        Assert.Equal(SendIntent.SendNow, await ledger.RecordIntentAsync("p-1/ActionPlanInvite/Mentee/1", At, default));
        await ledger.ReleaseAsync("p-1/ActionPlanInvite/Mentee/1", default); // the mail server refused it
        Assert.Equal(SendIntent.SendNow, await ledger.RecordIntentAsync("p-1/ScheduleRequest/Mentor/1", At, default)); // and then the process died

        var restarted = new SqliteSentMessageLedger(Path);

        Assert.Equal(SendIntent.AlreadySent, await restarted.RecordIntentAsync("p-1/ActionPlanInvite/Mentor/1", At.AddHours(1), default));
        Assert.Equal(SendIntent.SendNow, await restarted.RecordIntentAsync("p-1/ActionPlanInvite/Mentee/1", At.AddHours(1), default));
        Assert.Equal(SendIntent.Unknown, await restarted.RecordIntentAsync("p-1/ScheduleRequest/Mentor/1", At.AddHours(1), default));
        Assert.Equal([new UnknownSend("p-1/ScheduleRequest/Mentor/1", At)], await restarted.ListUnknownAsync(default));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
    }
}
