using System.Text.RegularExpressions;
using MentorFlow.Functions.Staff;
using MentorFlow.Functions.Tests.Forms;
using MentorFlow.Functions.Tests.Hosting;

namespace MentorFlow.Functions.Tests.Staff;

/// <summary>The staff-accounts command adds, lists and removes the accounts of the app's data folder, and keeps no password.</summary>
public sealed partial class StaffAccountsCommandTests
{
    [Fact]
    public async Task Add_list_and_remove_accounts_of_the_data_folder()
    {
        var root = Directory.CreateTempSubdirectory("mentorflow-accounts-").FullName;
        try
        {
            var (added, addOutput, _) = await RunAsync("a long enough password\n", "add", "--email", "cam@district.example", "--name", "Cam Rivera", "--role", "Coordinator", "--role", "analyst", "--password-stdin", "--MentorFlow:Folders:Root", root);
            var (second, _, _) = await RunAsync("", "add", "--email", "pat@district.example", "--name", "Pat Lee", "--role", "Hr", "--MentorFlow:Folders:Root", root);
            var (listed, list, _) = await RunAsync("", "list", "--MentorFlow:Folders:Root", root);

            Assert.Equal((0, 0, 0), (added, second, listed));
            Assert.Contains("Added cam@district.example (Cam Rivera; Coordinator, Analyst)", addOutput, StringComparison.Ordinal);
            Assert.DoesNotContain("Password", addOutput, StringComparison.Ordinal); // chosen on standard input: nothing to show
            Assert.Contains("  cam@district.example  Cam Rivera  Coordinator,Analyst", list, StringComparison.Ordinal);
            Assert.Contains("  pat@district.example  Pat Lee  Hr", list, StringComparison.Ordinal);

            var (removed, _, _) = await RunAsync("", "remove", "--email", "CAM@district.example", "--MentorFlow:Folders:Root", root);
            var (_, after, _) = await RunAsync("", "list", "--MentorFlow:Folders:Root", root);

            Assert.Equal(0, removed);
            Assert.DoesNotContain("cam@district.example", after, StringComparison.Ordinal);
            Assert.Contains("pat@district.example", after, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public async Task The_accounts_file_keeps_only_a_hash_of_each_password_written_whole()
    {
        var root = Directory.CreateTempSubdirectory("mentorflow-accounts-").FullName;
        try
        {
            await RunAsync("a long enough password\n", "add", "--email", "cam@district.example", "--name", "Cam Rivera", "--role", "Coordinator", "--password-stdin", "--MentorFlow:Folders:Root", root);
            var (_, output, _) = await RunAsync("", "add", "--email", "pat@district.example", "--name", "Pat Lee", "--role", "Hr", "--MentorFlow:Folders:Root", root);
            var madeUp = MadeUpPassword(output);

            var file = Directory.GetFiles(root, StaffAccounts.FileName, SearchOption.AllDirectories).Single();
            var text = File.ReadAllText(file);

            Assert.DoesNotContain("a long enough password", text, StringComparison.Ordinal);
            Assert.DoesNotContain(madeUp, text, StringComparison.Ordinal);
            Assert.Equal(2, Regex.Count(text, "\"passwordHash\": \"AQAAAA")); // PasswordHasher's salted PBKDF2 format
            Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(file)!, "*.next"));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public async Task A_made_up_password_is_printed_once_and_signs_in()
    {
        await using var app = await RunningApp.StartAsync();
        var (exit, output, _) = await RunAsync("", "add", "--email", "pat@district.example", "--name", "Pat Lee", "--role", "Hr", "--MentorFlow:Folders:Root", app.Root);
        using var pat = new HttpForm();
        var signIn = new Uri(app.BaseAddress, "/staff/sign-in?ReturnUrl=/hr/pairings");
        await pat.GetAsync(signIn);

        await pat.PostAsync(signIn, [new("Email", "pat@district.example"), new("Password", MadeUpPassword(output))]);

        Assert.Equal(0, exit);
        Assert.Contains("Signed in as <strong>Pat Lee</strong>", pat.Html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("add --email a@b.example --name A --role Admin", "'--role Admin' is not a role; give one of Hr, Coordinator, Analyst")]
    [InlineData("add --email a@b.example --role Hr", "give --email, --name and at least one --role")]
    [InlineData("add --email not-an-email --name A --role Hr", "'not-an-email' is not an email address")]
    [InlineData("add --email a@b.example --name A --role Hr --password-stdin", "a password needs at least 12 characters")]
    [InlineData("remove --email nobody@b.example", "No account has the email nobody@b.example; 'staff-accounts list' shows the accounts there are")]
    [InlineData("password --email nobody@b.example", "No account has the email nobody@b.example")]
    [InlineData("rename --email a@b.example", "say what to do: list, add, remove, password or hash")]
    public async Task A_request_that_cannot_be_done_is_refused_with_what_to_do(string args, string says)
    {
        var root = Directory.CreateTempSubdirectory("mentorflow-accounts-").FullName;
        try
        {
            var (exit, output, errors) = await RunAsync("short\n", [.. args.Split(' '), "--MentorFlow:Folders:Root", root]);

            Assert.Equal(2, exit);
            Assert.Empty(output);
            Assert.Contains(says, errors, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public async Task An_email_that_has_an_account_and_an_account_set_in_configuration_are_not_changed_here()
    {
        var root = Directory.CreateTempSubdirectory("mentorflow-accounts-").FullName;
        string[] configured = ["--MentorFlow:Folders:Root", root, "--MentorFlow:Staff:Accounts:0:Email", "ana@state.example", "--MentorFlow:Staff:Accounts:0:Name", "Ana Ortiz",
            "--MentorFlow:Staff:Accounts:0:Roles:0", "Analyst", "--MentorFlow:Staff:Accounts:0:PasswordHash", StaffAccounts.Hash("whatever it may be")];
        try
        {
            var (again, _, twice) = await RunAsync("", ["add", "--email", "ana@state.example", "--name", "Ana", "--role", "Hr", .. configured]);
            var (removed, _, there) = await RunAsync("", ["remove", "--email", "ana@state.example", .. configured]);
            var (_, list, _) = await RunAsync("", ["list", .. configured]);

            Assert.Equal((2, 2), (again, removed));
            Assert.Contains("ana@state.example already has an account", twice, StringComparison.Ordinal);
            Assert.Contains("is set in configuration (MentorFlow:Staff:Accounts:*); change or remove it there", there, StringComparison.Ordinal);
            Assert.Contains("  ana@state.example  Ana Ortiz  Analyst  (configuration)", list, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>Adds an account to <paramref name="app"/>'s data folder as an operator would, with <paramref name="password"/> on standard input.</summary>
    internal static async Task AddAsync(RunningApp app, string email, string name, string password, string role)
    {
        var (exit, _, errors) = await RunAsync(password + "\n", "add", "--email", email, "--name", name, "--role", role, "--password-stdin", "--MentorFlow:Folders:Root", app.Root);
        Assert.True(exit == 0, errors);
    }

    internal static async Task<(int Exit, string Output, string Errors)> RunAsync(string input, params string[] args)
    {
        using var reader = new StringReader(input);
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var exit = await StaffAccountsCommand.RunAsync(args, reader, output, errors);
        return (exit, output.ToString(), errors.ToString());
    }

    private static string MadeUpPassword(string output)
    {
        var line = MadeUpLine().Match(output);
        Assert.True(line.Success, output);
        return line.Groups[1].Value;
    }

    [GeneratedRegex(@"^  (\S{20,})$", RegexOptions.Multiline)]
    private static partial Regex MadeUpLine();
}
