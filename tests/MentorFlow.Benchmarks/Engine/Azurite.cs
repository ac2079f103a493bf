using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace MentorFlow.Benchmarks.Engine;

/// <summary>
/// The Azure Storage the benchmark runs on: the one named by <c>MENTORFLOW_TEST_AZURITE</c> (as <c>./test.sh</c> sets it),
/// or an Azurite of its own, started from the repository's <c>node_modules</c> on free loopback ports and killed on disposal.
/// </summary>
internal sealed class Azurite : IAsyncDisposable
{
    public const string Variable = "MENTORFLOW_TEST_AZURITE";

    // Azurite's well-known development account key (the same as test.sh's).
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private static readonly TimeSpan ListenPatience = TimeSpan.FromSeconds(60);

    private readonly Process? _process;
    private readonly string? _folder;

    private Azurite(string connectionString, Process? process, string? folder)
    {
        ConnectionString = connectionString;
        _process = process;
        _folder = folder;
    }

    /// <summary>The storage connection string to give DurableTask.AzureStorage.</summary>
    public string ConnectionString { get; }

    public static async Task<Azurite> StartAsync(TextWriter progress)
    {
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } given)
        {
            await progress.WriteLineAsync($"azure-storage: using the storage account in {Variable}");
            return new Azurite(given, null, null);
        }

        var root = RepositoryRoot();
        var executable = Path.Combine(root, "node_modules", ".bin", "azurite");
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException(
                $"Azurite is not installed at {executable}: run `npm ci` in {root} (or set {Variable} to a storage connection string).");
        }

        // As test.sh does: a port taken between choosing and binding makes it retry on new ports.
        for (var attempt = 1; ; attempt++)
        {
            var ports = FreePorts(3);
            var folder = Directory.CreateTempSubdirectory("mentorflow-bench-azurite-").FullName;
            await progress.WriteLineAsync($"azure-storage: starting Azurite on 127.0.0.1 ports {string.Join(", ", ports)} (attempt {attempt})");
            var log = new ConcurrentQueue<string>();
            var process = Launch(executable, folder, ports, log);
            var azurite = new Azurite(
                $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};" +
                $"BlobEndpoint=http://127.0.0.1:{ports[0]}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{ports[1]}/devstoreaccount1;" +
                $"TableEndpoint=http://127.0.0.1:{ports[2]}/devstoreaccount1;",
                process,
                folder);
            var listening = false;
            try
            {
                await WaitForPortsAsync(process, ports);
                listening = true;
                await progress.WriteLineAsync("azure-storage: Azurite is listening");
                return azurite;
            }
            catch (Exception ex) when ((ex is InvalidOperationException or TimeoutException) && attempt == 3)
            {
                throw new InvalidOperationException($"Azurite would not start after 3 attempts: {ex.Message} Its last output:\n{string.Join('\n', log)}", ex);
            }
            catch (Exception ex) when (ex is InvalidOperationException or TimeoutException)
            {
                await progress.WriteLineAsync($"azure-storage: {ex.Message}");
            }
            finally
            {
                // Whatever went wrong while it started, it does not outlive this attempt.
                if (!listening)
                {
                    await azurite.DisposeAsync();
                }
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            // node may have spawned children; the whole tree goes, so nothing keeps the ports.
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            await _process.WaitForExitAsync();
            _process.Dispose();
        }

        if (_folder is not null)
        {
            try
            {
                Directory.Delete(_folder, recursive: true);
            }
            catch (IOException)
            {
                // A file Azurite had open as it died must not hide the run's own outcome; the temporary folder is left to the OS.
            }
        }
    }

    private static Process Launch(string executable, string folder, int[] ports, ConcurrentQueue<string> log)
    {
        var start = new ProcessStartInfo(executable)
        {
            WorkingDirectory = folder,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[]
        {
            "--silent", "--skipApiVersionCheck", "--disableTelemetry", "--inMemoryPersistence",
            "--blobHost", "127.0.0.1", "--blobPort", $"{ports[0]}",
            "--queueHost", "127.0.0.1", "--queuePort", $"{ports[1]}",
            "--tableHost", "127.0.0.1", "--tablePort", $"{ports[2]}",
        })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"{executable} did not start.");
        // Its output is only read when it fails to start; the last lines are enough to say why.
        void Keep(object sender, DataReceivedEventArgs e)
        {
            if (e.Data is { } line)
            {
                log.Enqueue(line);
                while (log.Count > 20 && log.TryDequeue(out _))
                {
                }
            }
        }

        process.OutputDataReceived += Keep;
        process.ErrorDataReceived += Keep;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    // Holds all listeners open at once, so the ports differ, then frees them for Azurite.
    private static int[] FreePorts(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        try
        {
            listeners.ForEach(l => l.Start());
            return [.. listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port)];
        }
        finally
        {
            listeners.ForEach(l => l.Stop());
        }
    }

    private static async Task WaitForPortsAsync(Process process, int[] ports)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < ListenPatience)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"Azurite exited with code {process.ExitCode} while starting.");
            }

            if (await AllAcceptAsync(ports))
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"Azurite did not listen on ports {string.Join(", ", ports)} within {ListenPatience.TotalSeconds:0} s.");
    }

    private static async Task<bool> AllAcceptAsync(int[] ports)
    {
        foreach (var port in ports)
        {
            using var client = new TcpClient();
            try
            {
                await client.ConnectAsync(IPAddress.Loopback, port);
            }
            catch (SocketException)
            {
                return false;
            }
        }

        return true;
    }

    private static string RepositoryRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "MentorFlow.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException(
            $"No MentorFlow.sln above {AppContext.BaseDirectory}: run the benchmark from a MentorFlow checkout (or set {Variable}).");
    }
}
