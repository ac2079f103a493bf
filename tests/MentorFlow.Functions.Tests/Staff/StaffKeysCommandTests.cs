using System.Net;
using System.Text.RegularExpressions;
using MentorFlow.Functions.Staff;
using MentorFlow.Functions.Tests.Forms;
using MentorFlow.Functions.Tests.Hosting;

namespace MentorFlow.Functions.Tests.Staff;

public sealed partial class StaffKeysCommandTests
{
    // The app keeps its own keys in the data folder: no key in configuration (an empty setting is no key).
    private static readonly string[] KeysFromTheDataFolder = ["--MentorFlow:Staff:Keys:Hr", "", "--MentorFlow:Staff:Keys:Coordinator", "", "--MentorFlow:Staff:Keys:Analyst", ""];

    [Fact]
    public async Task Staff_keys_shows_the_keys_the_running_app_accepts()
    {
        await using var app = await RunningApp.StartAsync(Directory.CreateTempSubdirectory("mentorflow-api-").FullName, _ => { }, KeysFromTheDataFolder);

        var (exit, output, _) = await RunAsync("--MentorFlow:Folders:Root", app.Root);

        Assert.Equal(0, exit);
        var keys = Keys(output);
        Assert.Equal(Enum.GetValues<StaffRole>(), keys.Keys.Order());
        Assert.Equal(HttpStatusCode.OK, await ClockStatusAsync(app, keys[StaffRole.Hr]));
        Assert.Equal(HttpStatusCode.OK, await ClockStatusAsync(app, keys[StaffRole.Analyst]));
    }

    [Fact]
    public async Task Rotating_a_role_prints_its_new_key_and_the_running_app_refuses_the_old_one_at_once()
    {
        await using var app = await RunningApp.StartAsync(Directory.CreateTempSubdirectory("mentorflow-api-").FullName, _ => { }, KeysFromTheDataFolder);
        var before = Keys((await RunAsync("--MentorFlow:Folders:Root", app.Root)).Output);

        var (exit, output, _) = await RunAsync("--rotate", "Coordinator", "--MentorFlow:Folders:Root", app.Root);

        Assert.Equal(0, exit);
        var rotated = Assert.Single(Keys(output));
        Assert.Equal(StaffRole.Coordinator, rotated.Key);
        Assert.NotEqual(before[StaffRole.Coordinator], rotated.Value);
        Assert.Equal(HttpStatusCode.Unauthorized, await ClockStatusAsync(app, before[StaffRole.Coordinator]));
        Assert.Equal(HttpStatusCode.OK, await ClockStatusAsync(app, rotated.Value));
        Assert.Equal(HttpStatusCode.OK, await ClockStatusAsync(app, before[StaffRole.Hr]));
        var after = Keys((await RunAsync("--MentorFlow:Folders:Root", app.Root)).Output);
        Assert.Equal(rotated.Value, after[StaffRole.Coordinator]);
        Assert.Equal(before[StaffRole.Analyst], after[StaffRole.Analyst]);
    }

    [Fact]
    public async Task A_coordinator_signed_in_with_a_key_rotated_since_is_asked_to_sign_in_again()
    {
        await using var app = await RunningApp.StartAsync(Directory.CreateTempSubdirectory("mentorflow-api-").FullName, _ => { }, KeysFromTheDataFolder);
        var before = Keys((await RunAsync("--MentorFlow:Folders:Root", app.Root)).Output);
        using var coordinator = new HttpForm();
        var signIn = new Uri(app.BaseAddress, "/staff/sign-in?ReturnUrl=/coordinator");
        await coordinator.GetAsync(signIn);
        Assert.Equal(HttpStatusCode.OK, await coordinator.PostAsync(signIn, [new("Key", before[StaffRole.Coordinator])]));
        Assert.DoesNotContain("name=\"Key\"", coordinator.Html, StringComparison.Ordinal);

        await RunAsync("--rotate", "Coordinator", "--MentorFlow:Folders:Root", app.Root);
        await coordinator.GetAsync(new Uri(app.BaseAddress, "/coordinator"));

        Assert.Contains("name=\"Key\"", coordinator.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Keys_set_in_configuration_are_not_rotated_and_the_command_says_where_to_change_them()
    {
        var root = Directory.CreateTempSubdirectory("mentorflow-keys-").FullName;
        try
        {
            var (exit, output, errors) = await RunAsync("--rotate", "Hr", "--MentorFlow:Folders:Root", root, "--MentorFlow:Staff:Keys:Hr", "set-by-the-operator");

            Assert.Equal(2, exit);
            Assert.Empty(output);
            Assert.Contains("change MentorFlow:Staff:Keys:Hr there", errors, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public async Task An_unknown_role_is_refused_with_the_roles_there_are()
    {
        var (exit, _, errors) = await RunAsync("--rotate", "Admin");

        Assert.Equal(2, exit);
        Assert.Contains("rotate one of Hr, Coordinator, Analyst", errors, StringComparison.Ordinal);
    }

    private static async Task<(int Exit, string Output, string Errors)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var exit = await StaffKeysCommand.RunAsync(args, output, errors);
        return (exit, output.ToString(), errors.ToString());
    }

    private static Dictionary<StaffRole, string> Keys(string output) =>
        KeyLine().Matches(output).ToDictionary(m => Enum.Parse<StaffRole>(m.Groups[1].Value), m => m.Groups[2].Value);

    private static async Task<HttpStatusCode> ClockStatusAsync(RunningApp app, string key)
    {
        using var client = app.Client(null);
        client.DefaultRequestHeaders.Add(StaffKeys.Header, key);
        using var response = await client.GetAsync("/api/clock");
        return response.StatusCode;
    }

    [GeneratedRegex(@"^  (Hr|Coordinator|Analyst) +(\S+)$", RegexOptions.Multiline)]
    private static partial Regex KeyLine();
}
