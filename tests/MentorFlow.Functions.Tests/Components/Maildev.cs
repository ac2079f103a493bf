using System.Net.Http.Json;
using System.Text.Json;
using MentorFlow.Testing;

namespace MentorFlow.Functions.Tests.Components;

/// <summary>maildev, the SMTP sink the tests send through, and its HTTP API that lists what arrived.</summary>
internal static class Maildev
{
    private static readonly TimeSpan ArrivalTimeout = TimeSpan.FromSeconds(15);

    /// <summary>maildev's SMTP address and API, once both answer.</summary>
    public static async Task<(Uri Smtp, Uri Api)> ReachAsync()
    {
        var smtp = new Uri(RealComponents.Smtp.Setting);
        var api = new Uri(RealComponents.MaildevApi.Setting);
        await RealComponents.Smtp.EnsureListeningAsync(smtp);
        await RealComponents.MaildevApi.EnsureListeningAsync(api);
        return (smtp, api);
    }

    /// <summary>The first mail that matches; maildev stores a message just after it accepts it, so its API is polled briefly.</summary>
    public static async Task<JsonElement> WaitForAsync(Uri api, Func<JsonElement, bool> matches)
    {
        using var http = new HttpClient { BaseAddress = api };
        using var deadline = new CancellationTokenSource(ArrivalTimeout);
        while (true)
        {
            var mails = await http.GetFromJsonAsync<JsonElement[]>(new Uri("/api/email", UriKind.Relative), deadline.Token) ?? [];
            if (mails.FirstOrDefault(matches) is { ValueKind: JsonValueKind.Object } mail)
            {
                return mail;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), deadline.Token);
        }
    }
}
