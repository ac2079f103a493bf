using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
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
    public async Task It_takes_an_hr_pairing_with_the_printed_key_and_mails_a_link_to_where_it_listens_that_opens_the_form()
    {
        await using var app = await AppProcess.LaunchAsync("--urls", "http://127.0.0.1:0", "--MentorFlow:Clock:Start", "2026-09-01T08:00:00Z");
        Assert.True(app.IsRunning, app.Output);
        var hrKey = Regex.Match(app.Output, @"^\s+Hr\s+(\S+)$", RegexOptions.Multiline).Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(hrKey), app.Output);

        using var http = new HttpClient { BaseAddress = app.BaseAddress };
        http.DefaultRequestHeaders.Add(MentorFlow.Functions.Staff.StaffKeys.Header, hrKey);
        using var created = await http.PostAsJsonAsync(new Uri("/api/pairings", UriKind.Relative), Pairings.PairingRequests.Valid());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        // The server's own engine sends the kickoff: wait for its email to land, as a person would wait for theirs.
        var outbox = Path.Combine(app.Root, "outbox");
        var deadline = DateTime.UtcNow.AddSeconds(60);
        string[] mails;
        while ((mails = Directory.GetFiles(outbox, "*.eml")).Length == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        var link = mails.Select(path => MimeKit.MimeMessage.Load(path).TextBody ?? "").Select(m => Regex.Match(m, @"http://127\.0\.0\.1:\d+/s/[A-Za-z0-9_\-.]+")).FirstOrDefault(m => m.Success)?.Value;
        Assert.NotNull(link);
        Assert.StartsWith(app.BaseAddress.ToString().TrimEnd('/') + "/s/", link, StringComparison.Ordinal);
        using var form = await http.GetAsync(new Uri(link));
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.Contains("Sam Okafor", await form.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--MentorFlow:Engine:Backend", "Nonsense", "MentorFlow:Engine:Backend")]
    [InlineData("--MentorFlow:Records:Backend", "Mongo", "MentorFlow:Records:Backend")]
    [InlineData("--MentorFlow:Reports:Files:Backend", "Blob", "MentorFlow:Reports:Files:Blob:ServiceUri")]
    [InlineData("--MentorFlow:PublicUrl", "not a web address", "MentorFlow:PublicUrl")]
    public async Task A_wrong_setting_stops_the_start_with_one_line_naming_it_and_no_stack_trace(string setting, string value, string named)
    {
        var root = Directory.CreateTempSubdirectory("mentorflow-setting-").FullName;
        try
        {
            var (exitCode, output) = await AppProcess.RunCommandAsync(root, "--urls", "http://127.0.0.1:0", "--MentorFlow:Folders:Root", root, setting, value);

            Assert.Equal(3, exitCode);
            Assert.Contains($"MentorFlow could not start: ", output, StringComparison.Ordinal);
            Assert.Contains(named, output, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
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
