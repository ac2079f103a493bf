using System.Net.Http.Json;
using System.Text.Json;
using MentorFlow.Core.Messaging;
using MentorFlow.Functions.Mail;
using MentorFlow.Functions.Tests.Mail;
using MimeKit;

namespace MentorFlow.Functions.Tests.Components;

/// <summary>The program mail contract on SMTP, into maildev; what arrived is read back as sent, from maildev's raw source.</summary>
public sealed class SmtpMessengerTests : ProgramMessengerContract
{
    private static readonly TimeSpan ArrivalTimeout = TimeSpan.FromSeconds(15);

    // A second copy would arrive right behind the first: after the first, maildev is asked again once this has passed.
    private static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(500);

    private Uri? _api;

    protected override async Task<IProgramMessenger> CreateAsync(Func<ProgramMessage, Uri?> linkFor)
    {
        var (smtp, api) = await Maildev.ReachAsync();
        _api = api;
        return new SmtpMailer(new SmtpSettings { Host = smtp.Host, Port = smtp.Port, Security = MailKit.Security.SecureSocketOptions.None }, From, linkFor);
    }

    protected override async Task<IReadOnlyList<MimeMessage>> ArrivedAsync(string address, int atLeast)
    {
        using var http = new HttpClient { BaseAddress = _api };
        using var deadline = new CancellationTokenSource(ArrivalTimeout);
        var ids = await IdsAsync(http, address, deadline.Token);
        while (ids.Count < atLeast)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100), deadline.Token);
            ids = await IdsAsync(http, address, deadline.Token);
        }

        await Task.Delay(Settle, deadline.Token);
        ids = await IdsAsync(http, address, deadline.Token);
        var arrived = new List<MimeMessage>();
        foreach (var id in ids)
        {
            await using var source = await http.GetStreamAsync(new Uri($"/api/email/{Uri.EscapeDataString(id)}/source", UriKind.Relative), deadline.Token);
            using var copy = new MemoryStream();
            await source.CopyToAsync(copy, deadline.Token);
            copy.Position = 0;
            arrived.Add(await MimeMessage.LoadAsync(copy, deadline.Token));
        }

        return arrived;
    }

    private static async Task<List<string>> IdsAsync(HttpClient http, string address, CancellationToken cancellationToken) =>
        [.. (await http.GetFromJsonAsync<JsonElement[]>(new Uri("/api/email", UriKind.Relative), cancellationToken) ?? [])
            .Where(mail => mail.GetProperty("to").EnumerateArray().Any(to => to.GetProperty("address").GetString() == address))
            .Select(mail => mail.GetProperty("id").GetString()!)];
}
