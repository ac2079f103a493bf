using System.Text.Json;
using DurableTask.Core.History;
using MentorFlow.Core.Messaging;
using MentorFlow.Core.Pairings;
using MentorFlow.Core.SignOffs;
using MentorFlow.Core.Tests.Year;
using MentorFlow.Core.Year;
using MentorFlow.Durable;
using MentorFlow.Testing;
using MentorFlow.Testing.Replay;

namespace MentorFlow.Core.Tests.Wording;

// The emails a simulated year sends, read as their people read them: no subject or body carries an enum's code name.
public sealed class EmailWordsTests
{
    private static readonly DateOnly AfterYearEnd = YearHarness.District.YearEnd.AddDays(YearHarness.District.ExtensionDays + 10);

    [Fact]
    public async Task No_email_of_a_simulated_year_names_a_code()
    {
        // Three pairs whose years end in each way the program has: completed, decided incomplete by the coordinator, ended early.
        var sent = new List<ProgramMessage>();
        sent.AddRange(await YearOfAsync("completes", new ScriptedPair()));
        sent.AddRange(await YearOfAsync("falls-short", new ScriptedPair { MeetingMinutes = 10, CoordinatorDecides = CoordinatorDecision.Incomplete }));
        sent.AddRange(await YearOfAsync("ends-early", new ScriptedPair(),
            new Separation(new DateOnly(2027, 3, 10), SeparationReason.MenteeLeftDistrict)));

        // The year sends these kinds, so the check reads the texts that carried codes until now.
        Assert.Contains(sent, m => m.Kind == ProgramMessageKind.OutcomeNotice);
        Assert.Contains(sent, m => m.Kind == ProgramMessageKind.SeparationNotice);
        Assert.Contains(sent, m => m.Kind == ProgramMessageKind.DecisionRequest);
        Assert.Contains(sent, m => m.Kind == ProgramMessageKind.ObservationReminder || m.Kind == ProgramMessageKind.MeetingInvite);
        Assert.Empty(Codes(sent));
        Assert.Contains(sent, m => m.Body.Contains("Outcome: Completed the program year.", StringComparison.Ordinal));
        Assert.Contains(sent, m => m.Body.Contains("Outcome: Did not complete the program year.", StringComparison.Ordinal));
        Assert.Contains(sent, m => m.Body.Contains("Ended 2027-03-10: The mentee left the district.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_messages_a_recorded_year_asked_to_send_go_out_in_words_though_its_history_keeps_the_codes()
    {
        // The golden year's history holds each send as it was recorded ("Outcome: Completed."): replay keeps that input,
        // and the send activity words it on the way out.
        var file = RepositoryRoot.Combine("tests", "MentorFlow.Core.Tests", "GoldenHistories", "PairingYear-full-year.json");
        var executions = JsonSerializer.Deserialize<List<RecordedExecution>>(await File.ReadAllTextAsync(file), DurableJson.Options)!;
        var recorded = executions.SelectMany(e => e.Events()).OfType<TaskScheduledEvent>()
            .Where(e => e.Name == SendProgramMessages.Name)
            .SelectMany(e => JsonSerializer.Deserialize<ProgramMessage[][]>(e.Input!, DurableJson.Options)![0])
            .ToList();
        Assert.Contains(recorded, m => m.Body.Contains("Outcome: Completed.", StringComparison.Ordinal));

        var messenger = new RecordingMessenger();
        await new SendProgramMessages(messenger, new InMemorySentMessageLedger(), TimeProvider.System).SendAllAsync(recorded);

        Assert.Equal(recorded.Count, messenger.Sent.Count);
        Assert.Empty(Codes(messenger.Sent));
    }

    private static async Task<IReadOnlyList<ProgramMessage>> YearOfAsync(string pairingId, ScriptedPair pair, Separation? separation = null)
    {
        using var year = new YearHarness();
        await year.StartAsync(YearHarness.Subject(pairingId));
        await year.RunUntilAsync(pairingId, AfterYearEnd, (day, news) =>
            separation is { } ended && day == ended.EndedOn ? pair.Day(day, news).Append(PairingYearEvent.Ended(ended)) : pair.Day(day, news));
        Assert.NotNull(await year.OutcomeAsync(pairingId));
        return year.Messenger.Sent;
    }

    private static List<string> Codes(IEnumerable<ProgramMessage> messages) =>
        [.. messages.SelectMany(m => CodeNames.In(m.Subject).Concat(CodeNames.In(m.Body)).Select(code => $"{m.IdempotencyKey}: {code} in \"{m.Subject}\" / \"{m.Body}\""))];
}
