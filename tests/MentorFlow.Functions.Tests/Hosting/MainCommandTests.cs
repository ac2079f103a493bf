using System.Net;
using System.Net.Sockets;

namespace MentorFlow.Functions.Tests.Hosting;

public sealed class MainCommandTests
{
    [Fact]
    public async Task On_start_it_prints_its_folders_creates_them_and_answers_healthz()
    {
        await using var app = await AppProcess.LaunchOnFreePortAsync();
        Assert.True(app.IsRunning, app.Output);

        foreach (var folder in new[] { "data", "outbox", "reports" })
        {
            var path = Path.Combine(app.Root, folder);
            Assert.Contains($"{folder}:", app.Output, StringComparison.Ordinal);
            Assert.Contains(path, app.Output, StringComparison.Ordinal);
            Assert.True(Directory.Exists(path), $"{path} was not created");
        }

        using var http = new HttpClient { BaseAddress = app.BaseAddress };
        using var health = await http.GetAsync(new Uri("/healthz", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("Healthy", await health.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Ctrl_C_stops_it_cleanly()
    {
        await using var app = await AppProcess.LaunchOnFreePortAsync();
        Assert.True(app.IsRunning, app.Output);

        var exitCode = await app.InterruptAsync();

        Assert.Equal(0, exitCode);
        Assert.Contains("MentorFlow stopped.", app.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_taken_port_is_reported_with_what_to_do()
    {
        using var squatter = new TcpListener(IPAddress.Loopback, 0);
        squatter.Start();
        var port = ((IPEndPoint)squatter.LocalEndpoint).Port;

        await using var app = await AppProcess.LaunchAsync("--urls", $"http://127.0.0.1:{port}");

        Assert.False(app.IsRunning, app.Output);
        Assert.Equal(2, app.ExitCode);
        Assert.Contains($"127.0.0.1:{port}", app.Output, StringComparison.Ordinal);
        Assert.Contains("--urls http://127.0.0.1:<port>", app.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_urls_it_listens_on_127_0_0_1_port_7071()
    {
        // Either it binds 7071, or 7071 is taken on this machine and the error names it.
        await using var app = await AppProcess.LaunchAsync();

        Assert.Matches(@"MentorFlow is running at http://127\.0\.0\.1:7071|could not start: .*127\.0\.0\.1:7071", app.Output);
    }
}
