using System.Net.Http.Json;
using System.Text.Json;
using MentorFlow.Server;
using MentorFlow.Functions.Staff;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace MentorFlow.Functions.Tests.Hosting;

/// <summary>
/// The real app in this process on a free loopback port (real Kestrel, real SQLite files in a temporary folder),
/// with one known staff key per role. Tests drive the engine themselves instead of waiting for the hosted worker.
/// </summary>
internal sealed partial class RunningApp : IAsyncDisposable
{
    public static readonly IReadOnlyDictionary<StaffRole, string> Keys = Enum.GetValues<StaffRole>().ToDictionary(r => r, r => $"test-key-{r}".ToLowerInvariant());

    private readonly WebApplication _app;
    private bool _handedOver;

    private RunningApp(WebApplication app, string root)
    {
        _app = app;
        Root = root;
        BaseAddress = new Uri(app.Urls.First());
    }

    public string Root { get; }

    public Uri BaseAddress { get; }

    public string Outbox => Path.Combine(Root, "outbox");

    public IServiceProvider Services => _app.Services;

    public DurableTaskClient Engine => _app.Services.GetRequiredService<DurableTaskClient>();

    public static Task<RunningApp> StartAsync(params string[] extra) => StartAsync(Directory.CreateTempSubdirectory("mentorflow-api-").FullName, _ => { }, extra);

    /// <summary>The app on the folder <paramref name="root"/> (a new one, or one a stopped app left), with <paramref name="replace"/> changing its services.</summary>
    public static async Task<RunningApp> StartAsync(string root, Action<IServiceCollection> replace, params string[] extra)
    {
        string[] args =
        [
            "--urls", "http://127.0.0.1:0",
            "--MentorFlow:Folders:Root", root,
            "--MentorFlow:Districts:0:Id", "demo-district",
            "--MentorFlow:Districts:0:Name", "Demo District",
            "--MentorFlow:Districts:0:ProgramYearStart", "2026",
            "--MentorFlow:Districts:0:CoordinatorEmail", "coordinator@demo-district.example",
            // The hosted worker would race the test's own steps; the test runs the engine when it wants.
            "--MentorFlow:Engine:IdlePollMilliseconds", "3600000",
            // The first day of the demo district's program year, on a clock the tests move.
            "--MentorFlow:Clock:Start", "2026-09-01T08:00:00Z",
            .. Keys.SelectMany(k => new[] { $"--MentorFlow:Staff:Keys:{k.Key}", k.Value }),
            .. extra,
        ];
        var app = ServerApp.Build(args, replace);
        await app.StartAsync();
        return new RunningApp(app, root);
    }

    /// <summary>A client that sends <paramref name="role"/>'s key (none when null).</summary>
    public HttpClient Client(StaffRole? role = StaffRole.Hr)
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        if (role is { } r)
        {
            client.DefaultRequestHeaders.Add(StaffKeys.Header, Keys[r]);
        }

        return client;
    }

    /// <summary>Runs everything the engine has due now (the orchestrations and their emails).</summary>
    public Task<int> RunEngineAsync() => _app.Services.GetRequiredService<Durable.Worker.OrchestrationWorker>().ProcessAllDueAsync();

    /// <summary>
    /// The signed link in the person's email of <paramref name="kind"/> in the outbox, pointed at this app
    /// (the email names the configured public address; the app listens on a free port).
    /// </summary>
    public Uri EmailedLink(string kind, string person)
    {
        using var mail = MimeKit.MimeMessage.Load(Directory.GetFiles(Outbox, $"*_{kind}_{person}_*.eml").Single());
        var found = LinkPattern().Match(mail.TextBody ?? "");
        Assert.True(found.Success, mail.TextBody);
        Assert.Contains(found.Value, mail.HtmlBody, StringComparison.Ordinal);
        return new Uri(BaseAddress, new Uri(found.Value).PathAndQuery);
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>())!;

    /// <summary>Stops the app (a crash or a restart: nothing more of this process runs) and starts it again on the same folder.</summary>
    public async Task<RunningApp> RestartAsync(params string[] extra)
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        SqliteConnection.ClearAllPools();
        _handedOver = true; // the new app owns the folder now
        return await StartAsync(Root, _ => { }, extra);
    }

    /// <summary>Stops the app and leaves its folder to the caller, who deletes it.</summary>
    public async Task<string> StopKeepingFolderAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        SqliteConnection.ClearAllPools();
        _handedOver = true;
        return Root;
    }

    public async ValueTask DisposeAsync()
    {
        if (_handedOver)
        {
            return;
        }

        await _app.StopAsync();
        await _app.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(Root, recursive: true);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"https?://\S+/s/[A-Za-z0-9_\-]+\.[A-Za-z0-9_\-]+")]
    private static partial System.Text.RegularExpressions.Regex LinkPattern();
}
