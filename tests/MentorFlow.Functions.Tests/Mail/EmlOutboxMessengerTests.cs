using MentorFlow.Core.Messaging;
using MentorFlow.Functions.Mail;
using MimeKit;

namespace MentorFlow.Functions.Tests.Mail;

/// <summary>The program mail contract on the .eml outbox folder (the embedded default).</summary>
public sealed class EmlOutboxMessengerTests : ProgramMessengerContract
{
    private readonly DirectoryInfo _outbox = Directory.CreateTempSubdirectory("mentorflow-outbox-");

    protected override Task<IProgramMessenger> CreateAsync(Func<ProgramMessage, Uri?> linkFor) =>
        Task.FromResult<IProgramMessenger>(new EmlOutbox(_outbox.FullName, From, linkFor));

    protected override async Task<IReadOnlyList<MimeMessage>> ArrivedAsync(string address, int atLeast)
    {
        var arrived = new List<MimeMessage>();
        foreach (var file in Directory.GetFiles(_outbox.FullName))
        {
            // Only whole messages are in the outbox: a .partial file would be half of one.
            Assert.EndsWith(".eml", file, StringComparison.Ordinal);
            var message = await MimeMessage.LoadAsync(file);
            if (message.To.Mailboxes.Any(m => m.Address == address))
            {
                arrived.Add(message);
            }
        }

        Assert.True(arrived.Count >= atLeast, $"{arrived.Count} message(s) in the outbox for {address}, expected {atLeast}");
        return arrived;
    }

    protected override Task CleanUpAsync()
    {
        _outbox.Delete(recursive: true);
        return Task.CompletedTask;
    }
}
