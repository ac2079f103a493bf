using System.Security.Cryptography;
using MentorFlow.Functions.Api;
using MentorFlow.Functions.Hosting;

namespace MentorFlow.Functions.Staff;

/// <summary>
/// <c>staff-accounts</c>: keeps the per-person staff accounts of the data folder (<c>staff-accounts.json</c>): <c>list</c>,
/// <c>add</c>, <c>remove</c>, <c>password</c>, and <c>hash</c> for an account set in configuration. A password is read from
/// standard input with <c>--password-stdin</c>, or made up and printed once. A running app reads the file again: a removed
/// account, or one with a new password, is signed out at its next page.
/// </summary>
public static class StaffAccountsCommand
{
    private const string Usage = """
        usage: dotnet run --project functions/MentorFlow.Server -- staff-accounts <what> [--MentorFlow:Folders:Root <folder>]
          list
          add --email <email> --name "<name>" --role Hr|Coordinator|Analyst [--role ...] [--password-stdin]
          remove --email <email>
          password --email <email> [--password-stdin]
          hash [--password-stdin]          (the PasswordHash of an account set in MentorFlow:Staff:Accounts)
        Without --password-stdin a password is made up and printed once.
        """;

    /// <summary>Runs the command; returns the exit code (2 for a bad argument or an account that cannot be changed, with what to do).</summary>
    public static async Task<int> RunAsync(string[] args, TextReader input, TextWriter output, TextWriter errors)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(errors);
        if (args is not [var what and ("list" or "add" or "remove" or "password" or "hash"), .. var rest])
        {
            await errors.WriteLineAsync($"staff-accounts: say what to do: list, add, remove, password or hash.\n{Usage}");
            return 2;
        }

        var request = new Request();
        for (var i = 0; i < rest.Length; i++)
        {
            var value = i + 1 < rest.Length ? rest[i + 1] : null;
            switch (rest[i])
            {
                case "--password-stdin":
                    request.PasswordFromInput = true;
                    continue;
                case "--email" or "--name" when value is null:
                    break;
                case "--email":
                    request.Email = value;
                    i++;
                    continue;
                case "--name":
                    request.Name = value;
                    i++;
                    continue;
                case "--role" when TypedText.Named<StaffRole>(value, ignoreCase: true) is { } role:
                    request.Roles.Add(role);
                    i++;
                    continue;
                case "--role":
                    await errors.WriteLineAsync($"staff-accounts: '--role {value}' is not a role; give one of Hr, Coordinator, Analyst.");
                    return 2;
                case var setting when setting.StartsWith("--MentorFlow:", StringComparison.Ordinal) && value is not null:
                    request.Settings.AddRange([setting, value]);
                    i++;
                    continue;
            }

            await errors.WriteLineAsync($"staff-accounts: '{rest[i]}' {(value is null ? "needs a value" : $"is not an option of {what}")}.\n{Usage}");
            return 2;
        }

        if (Missing(what, request) is { } missing)
        {
            await errors.WriteLineAsync($"staff-accounts {what}: {missing}.\n{Usage}");
            return 2;
        }

        var password = "";
        if (what is "add" or "password" or "hash")
        {
            if (await PasswordAsync(request, input) is not { } chosen)
            {
                await errors.WriteLineAsync($"staff-accounts {what}: a password needs at least {StaffAccounts.MinimumPasswordLength} characters; send a longer one on standard input, or leave out --password-stdin to have one made up.");
                return 2;
            }

            password = chosen;
        }

        if (what == "hash")
        {
            await output.WriteLineAsync(StaffAccounts.Hash(password));
            await PrintMadeUpAsync(request, password, output);
            return 0;
        }

        // The same settings the app reads (appsettings.json beside it, environment, command line), so the same data folder.
        var configuration = CommandFolders.Configuration([.. request.Settings]);
        var folders = CommandFolders.From(configuration);
        Directory.CreateDirectory(folders.Data);
        StaffAccounts accounts;
        try
        {
            accounts = StaffAccounts.Load(configuration, folders.Data);
            switch (what)
            {
                case "list":
                    await ListAsync(accounts, output);
                    return 0;
                case "add":
                    var added = accounts.Add(request.Email!, request.Name!, [.. request.Roles.Distinct()], password);
                    await output.WriteLineAsync($"Added {added.Email} ({added.Name}; {string.Join(", ", added.Roles)}), kept in {accounts.FilePath}.");
                    break;
                case "remove":
                    accounts.Remove(request.Email!);
                    await output.WriteLineAsync($"Removed {request.Email}; a session of theirs in the running app ends at its next page.");
                    return 0;
                default:
                    accounts.ChangePassword(request.Email!, password);
                    await output.WriteLineAsync($"New password for {request.Email}; a session of theirs in the running app ends at its next page.");
                    break;
            }
        }
        catch (InvalidOperationException ex)
        {
            await errors.WriteLineAsync($"staff-accounts {what}: {ex.Message}");
            return 2;
        }

        await PrintMadeUpAsync(request, password, output);
        return 0;
    }

    private static string? Missing(string what, Request request) => what switch
    {
        "add" when request.Email is null || request.Name is null || request.Roles.Count == 0 => "give --email, --name and at least one --role",
        "add" when request.Email is { } email && (!email.Contains('@', StringComparison.Ordinal) || email.Any(char.IsWhiteSpace)) => $"'{request.Email}' is not an email address",
        "add" when string.IsNullOrWhiteSpace(request.Name) => "give the person's name with --name",
        "remove" or "password" when request.Email is null => "give the account's --email",
        "list" or "remove" when request.PasswordFromInput => "takes no password",
        _ when what is not "add" && (request.Name is not null || request.Roles.Count > 0) => "--name and --role are for add (remove the account and add it again to change them)",
        _ => null,
    };

    // The first line of standard input (trailing newline dropped), or a new password of 24 characters.
    private static async Task<string?> PasswordAsync(Request request, TextReader input)
    {
        if (!request.PasswordFromInput)
        {
            return Convert.ToBase64String(RandomNumberGenerator.GetBytes(18)).Replace('+', '-').Replace('/', '_');
        }

        var line = await input.ReadLineAsync() ?? "";
        return line.Length >= StaffAccounts.MinimumPasswordLength ? line : null;
    }

    private static async Task PrintMadeUpAsync(Request request, string password, TextWriter output)
    {
        if (!request.PasswordFromInput)
        {
            await output.WriteLineAsync("Password (shown only now; hand it to the person, who signs in at /staff/sign-in):");
            await output.WriteLineAsync($"  {password}");
        }
    }

    private static async Task ListAsync(StaffAccounts accounts, TextWriter output)
    {
        var all = accounts.All;
        if (all.Count == 0)
        {
            await output.WriteLineAsync($"No staff accounts yet ({accounts.FilePath} does not list any); add one with: staff-accounts add --email <email> --name \"<name>\" --role Coordinator");
            return;
        }

        await output.WriteLineAsync($"Staff accounts (kept in {accounts.FilePath}, or set in configuration, {StaffAccounts.Section}:*):");
        foreach (var account in all)
        {
            var where = accounts.IsConfigured(account.Email) ? "  (configuration)" : "";
            await output.WriteLineAsync($"  {account.Email}  {account.Name}  {string.Join(",", account.Roles)}{where}");
        }
    }

    private sealed class Request
    {
        public string? Email { get; set; }

        public string? Name { get; set; }

        public List<StaffRole> Roles { get; } = [];

        public bool PasswordFromInput { get; set; }

        public List<string> Settings { get; } = [];
    }
}
