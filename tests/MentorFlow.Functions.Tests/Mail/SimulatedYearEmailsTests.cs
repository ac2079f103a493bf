using System.Text.RegularExpressions;
using MentorFlow.Core.Messaging;
using MentorFlow.Core.Settings;
using MentorFlow.Core.Wording;
using MentorFlow.Functions.Links;
using MentorFlow.Functions.Mail;
using MentorFlow.Simulation;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace MentorFlow.Functions.Tests.Mail;

/// <summary>
/// A simulated program year's emails, written as the app writes them (worded, linked, as .eml files), read back: each
/// says whose pairing it is about, coordinators' link to the pairing's page, no code name shows, reminders stop at the limit.
/// </summary>
public sealed class SimulatedYearEmailsTests : IAsyncLifetime
{
    private const string PublicUrl = "https://mentorflow.example.org/";

    private static readonly string[] CodeNames = [.. typeof(ProgramMessage).Assembly.GetTypes().Where(t => t.IsEnum && t.IsPublic)
        .SelectMany(Enum.GetNames).Where(n => n.Count(char.IsUpper) >= 2).Distinct()];

    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("mentorflow-year-emails-");
    private readonly List<ProgramMessage> _sent = [];

    private string Outbox => Path.Combine(_root.FullName, "outbox");

    public async Task InitializeAsync()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [PublicAddress.Setting] = PublicUrl }).Build();
        await using var services = new ServiceCollection().BuildServiceProvider();
        var links = new StepLinks(StepLinkSigner.Load(configuration, _root.FullName), TimeProvider.System, new PublicAddress(configuration, services), configuration);
        var outbox = new EmlOutbox(Outbox, new MailboxAddress("MentorFlow", "mentorflow@demo-district.example"), links.For);
        await YearSimulation.RunAsync(new YearSimulationOptions(40, 3, Path.Combine(_root.FullName, "simulation.db"), Delivered: message =>
        {
            _sent.Add(message);
            // As the send activity does: worded, then written as the email the person gets.
            outbox.SendAsync(ProgramWords.InWords(message), CancellationToken.None).GetAwaiter().GetResult();
        }), TextWriter.Null, CancellationToken.None);
    }

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        _root.Delete(recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Every_coordinator_email_names_its_pairing_and_links_to_the_pairings_page()
    {
        var coordinator = _sent.Where(m => m.To.Role == RecipientRole.Coordinator).ToList();
        Assert.True(coordinator.Count >= 10, $"only {coordinator.Count} coordinator emails");

        foreach (var message in coordinator)
        {
            var (subject, text) = await ReadAsync(message);
            var number = Regex.Match(message.PairingId, @"\d+$").Value.TrimStart('0');
            Assert.Contains($"Pairing: Mentee {number} (mentee) with Mentor {number} (mentor), Demo District.", text, StringComparison.Ordinal);
            Assert.EndsWith($"— Mentee {number} with Mentor {number}", subject, StringComparison.Ordinal);
            Assert.Contains($"Open the pairing's page: {PublicUrl}coordinator/pairings/{message.PairingId}", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Each_step_email_names_the_partner_and_a_request_its_due_date()
    {
        foreach (var message in _sent.Where(m => m.To.Role != RecipientRole.Coordinator))
        {
            var (subject, text) = await ReadAsync(message);
            var partner = message.To.Role == RecipientRole.Mentor ? "Mentee" : "Mentor";
            Assert.Matches($@"Your mentoring pairing with {partner} \d+, Demo District\.", text);
            Assert.Matches($@"— with {partner} \d+$", subject);
        }

        var (_, invite) = await ReadAsync(_sent.First(m => m.Kind == ProgramMessageKind.ActionPlanInvite));
        Assert.Matches(@"Due by [A-Z][a-z]+day \d{1,2} [A-Z][a-z]+ 20\d\d\.", invite);
    }

    [Fact]
    public async Task No_email_shows_a_code_name()
    {
        Assert.Contains("MentorObservesMentee", CodeNames);
        foreach (var message in _sent)
        {
            var (subject, text) = await ReadAsync(message);
            var shown = CodeNames.Where(code => Regex.IsMatch(subject + "\n" + text, $@"\b{code}\b")).ToList();
            Assert.True(shown.Count == 0, $"{message.IdempotencyKey} shows {string.Join(", ", shown)}:\n{text}");
        }
    }

    [Fact]
    public void No_one_gets_more_reminders_for_a_step_than_the_limit()
    {
        var reminders = _sent.Where(m => m.Kind.ToString().EndsWith("Reminder", StringComparison.Ordinal) && m.Kind != ProgramMessageKind.ObservationReminder)
            .GroupBy(m => m.IdempotencyKey[..m.IdempotencyKey.LastIndexOf('/')] + m.IdempotencyKey[m.IdempotencyKey.LastIndexOf('@')..])
            .ToDictionary(g => g.Key, g => g.Count());

        Assert.NotEmpty(reminders);
        Assert.Equal(DistrictProgramSettings.DefaultReminderLimit, reminders.Values.Max()); // some people never answer
    }

    private async Task<(string Subject, string Text)> ReadAsync(ProgramMessage message)
    {
        using var mime = await MimeMessage.LoadAsync(Path.Combine(Outbox, EmlOutbox.FileName(message.IdempotencyKey)));
        return (mime.Subject ?? "", mime.TextBody ?? "");
    }
}
