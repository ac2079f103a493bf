using System.Net;
using MentorFlow.Functions.Tests.Hosting;
using Microsoft.Data.Sqlite;

namespace MentorFlow.Functions.Tests.Health;

public sealed class DamagedDatabaseHealthTests
{
    [Fact]
    public async Task Healthz_reports_unhealthy_naming_a_database_damaged_while_the_app_runs()
    {
        await using var app = await RunningApp.StartAsync();
        var records = Path.Combine(app.Root, "data", "mentorflow.db");
        using (var checkpoint = new SqliteConnection($"Data Source={records};Pooling=False"))
        {
            // What the app wrote moves from the write-ahead log into the file, so spoiling the file spoils the data.
            checkpoint.Open();
            using var command = checkpoint.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            command.ExecuteNonQuery();
        }

        DamagedDatabases.Spoil(records, "garbage");
        using var http = app.Client(role: null);
        using var health = await http.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        var text = await health.Content.ReadAsStringAsync();
        Assert.StartsWith("Unhealthy", text, StringComparison.Ordinal);
        Assert.Contains(records, text, StringComparison.Ordinal);
        Assert.Contains("restore", text, StringComparison.Ordinal);
    }
}
