using System.Collections.Concurrent;
using System.Diagnostics;
using System.Reflection;
using System.Text.RegularExpressions;
using MentorFlow.Testing;

namespace MentorFlow.Functions.Tests.Hosting;

/// <summary>
/// The built app run as its own process, as the README's main command runs it, with its folders
/// in a fresh temporary directory.
/// </summary>
internal sealed partial class AppProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(30);
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly TaskCompletionSource<Uri> _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly bool _ownsRoot;
    private Uri? _address;

    private AppProcess(Process process, string root, bool ownsRoot)
    {
        _process = process;
        Root = root;
        _ownsRoot = ownsRoot;
    }

    /// <summary>The folder given as <c>MentorFlow:Folders:Root</c>.</summary>
    public string Root { get; }

    /// <summary>Where the app listens, from the address it printed.</summary>
    public Uri BaseAddress => _started.Task.IsCompletedSuccessfully ? _started.Task.Result : throw new InvalidOperationException("The app has not started.");

    /// <summary>Everything the app printed so far, stdout and stderr interleaved.</summary>
    public string Output => string.Join('\n', _output);

    /// <summary>True once the app printed where it listens; false when it exited before that.</summary>
    public bool IsRunning => _started.Task.IsCompletedSuccessfully && !_process.HasExited;

    /// <summary>The exit code, once the process has exited.</summary>
    public int ExitCode => _process.ExitCode;

    /// <summary>An app on a free loopback port.</summary>
    public static Task<AppProcess> LaunchOnFreePortAsync() => LaunchAsync("--urls", "http://127.0.0.1:0");

    /// <summary>
    /// Starts the app with <paramref name="arguments"/> and waits until it prints where it listens
    /// or exits, whichever comes first.
    /// </summary>
    public static async Task<AppProcess> LaunchAsync(params string[] arguments)
    {
        var root = Directory.CreateTempSubdirectory("mentorflow-app-").FullName;
        return await StartedAsync(Launch(root, ownsRoot: true, ["--MentorFlow:Folders:Root", root, .. arguments]));
    }

    /// <summary>
    /// Starts the app on the folders under <paramref name="root"/>, which another app may share and which the caller
    /// removes, and waits until it prints where it listens or exits.
    /// </summary>
    public static Task<AppProcess> LaunchSharingAsync(string root, params string[] arguments) =>
        StartedAsync(Launch(root, ownsRoot: false, ["--MentorFlow:Folders:Root", root, .. arguments]));

    private static async Task<AppProcess> StartedAsync(AppProcess app)
    {
        var exited = app._process.WaitForExitAsync();
        if (await Task.WhenAny(app._started.Task, exited).WaitAsync(StartTimeout) == exited)
        {
            app._process.WaitForExit(); // drains the redirected output
        }

        return app;
    }

    /// <summary>Runs one of the app's commands (backup, restore, ...) as its own process in <paramref name="workingDirectory"/>; returns its exit code and everything it printed.</summary>
    public static async Task<(int ExitCode, string Output)> RunCommandAsync(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        start.ArgumentList.Add(AppAssemblyPath());
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(StartTimeout);
        return (process.ExitCode, await output + await error);
    }

    /// <summary>Sends SIGINT, as Ctrl-C in a terminal does, and waits for the exit code.</summary>
    public async Task<int> InterruptAsync()
    {
        using (var kill = Process.Start("kill", ["-INT", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        try
        {
            await _process.WaitForExitAsync().WaitAsync(StopTimeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"The app did not stop within {StopTimeout.TotalSeconds} s of SIGINT. It printed:\n{Output}");
        }

        _process.WaitForExit();
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        if (_ownsRoot)
        {
            Directory.Delete(Root, recursive: true);
        }
    }

    private static AppProcess Launch(string root, bool ownsRoot, string[] arguments)
    {
        // A runner started in the background inherits SIGINT as ignored; a terminal's Ctrl-C is not,
        // so env restores the default before it execs the app (same PID).
        var start = new ProcessStartInfo("env")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = root,
        };
        start.ArgumentList.Add("--default-signal=INT");
        start.ArgumentList.Add(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet");
        start.ArgumentList.Add(AppAssemblyPath());
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var app = new AppProcess(process, root, ownsRoot);
        process.OutputDataReceived += (_, e) => app.Receive(e.Data);
        process.ErrorDataReceived += (_, e) => app.Receive(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return app;
    }

    private void Receive(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        if (RunningAt().Match(line) is { Success: true } match)
        {
            _address = new Uri(match.Groups["url"].Value);
        }
        else if (line == "Press Ctrl-C to stop." && _address is not null)
        {
            // The last line of the start banner: the folders have been printed too.
            _started.TrySetResult(_address);
        }
    }

    // The app's own build output, in the configuration these tests were built in.
    private static string AppAssemblyPath()
    {
        var configuration = typeof(AppProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var path = RepositoryRoot.Combine("functions", "MentorFlow.Server", "bin", configuration, "net10.0", "MentorFlow.Server.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException($"Build the app first (dotnet build): {path} is missing.", path);
    }

    [GeneratedRegex(@"^MentorFlow is running at (?<url>http://\S+?)(,|$)")]
    private static partial Regex RunningAt();
}
