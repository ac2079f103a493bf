using Microsoft.AspNetCore.Connections;

using MentorFlow.Functions.Hosting;

namespace MentorFlow.Server;

/// <summary>
/// The README's main command: runs the app until Ctrl-C, telling the operator where it listens
/// and where its files go.
/// </summary>
public static class MainCommand
{
    /// <summary>Runs the app; returns the process exit code.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args is ["simulate", .. var simulate])
        {
            using var stop = new CancellationTokenSource();
            Console.CancelKeyPress += (_, e) =>
            {
                e.Cancel = true;
                stop.Cancel();
            };
            return await MentorFlow.Functions.Simulation.SimulateCommand.RunAsync(simulate, Console.Out, Console.Error, stop.Token);
        }

        if (args is ["staff-keys", .. var staffKeys])
        {
            return await MentorFlow.Functions.Staff.StaffKeysCommand.RunAsync(staffKeys, Console.Out, Console.Error);
        }

        if (args is ["staff-accounts", .. var staffAccounts])
        {
            return await MentorFlow.Functions.Staff.StaffAccountsCommand.RunAsync(staffAccounts, Console.In, Console.Out, Console.Error);
        }

        if (args is ["backup", .. var backup])
        {
            return BackupCommand.Run(backup, Console.Out, Console.Error);
        }

        if (args is ["restore", .. var restore])
        {
            return RestoreCommand.Run(restore, Console.Out, Console.Error);
        }

        try
        {
            var app = ServerApp.Build(args is ["serve", .. var serve] ? serve : args);
            app.Lifetime.ApplicationStarted.Register(() => PrintBanner(app));
            app.Lifetime.ApplicationStopped.Register(() => Console.WriteLine("MentorFlow stopped."));
            await app.RunAsync();
            return 0;
        }
        catch (Exception ex) when (StartProblem.Find(ex) is { } problem)
        {
            await Console.Error.WriteLineAsync($"MentorFlow could not start: {problem}");
            return 3;
        }
        catch (InvalidOperationException ex) when (ex.Message.Contains("MentorFlow:", StringComparison.Ordinal))
        {
            // A missing or wrong setting: its message names the setting and what to set; a stack trace would only hide it.
            await Console.Error.WriteLineAsync($"MentorFlow could not start: {ex.Message}");
            return 3;
        }
        catch (IOException ex) when (ex.InnerException is AddressInUseException)
        {
            await Console.Error.WriteLineAsync(
                $"MentorFlow could not start: {ex.Message} Stop the program using that port, " +
                "or choose another with --urls http://127.0.0.1:<port>.");
            return 2;
        }
    }

    private static void PrintBanner(WebApplication app)
    {
        var folders = app.Services.GetRequiredService<EmbeddedFolders>();
        Console.WriteLine($"MentorFlow is running at {string.Join(", ", app.Urls)}");
        Console.WriteLine($"  data:    {folders.Data}");
        Console.WriteLine($"  outbox:  {folders.Outbox}");
        Console.WriteLine($"  reports: {folders.Reports}");
        var keys = app.Services.GetRequiredService<MentorFlow.Functions.Staff.StaffKeys>();
        if (keys.CreatedAt is { } path)
        {
            Console.WriteLine($"Staff keys (created at this first start, kept in {path}); send one in the {MentorFlow.Functions.Staff.StaffKeys.Header} header:");
            foreach (var (role, key) in keys.Keys)
            {
                Console.WriteLine($"  {role,-12} {key}");
            }
        }

        if (app.Services.GetRequiredService<MentorFlow.Functions.Staff.StaffAccounts>().All.Count == 0)
        {
            // Until then staff sign in with the keys; the hint says how each person gets their own sign-in.
            Console.WriteLine("No staff accounts yet; give each person one with: dotnet run --project functions/MentorFlow.Server -- staff-accounts add --email <email> --name \"<name>\" --role Hr|Coordinator|Analyst");
        }

        Console.WriteLine("Press Ctrl-C to stop.");
    }
}
