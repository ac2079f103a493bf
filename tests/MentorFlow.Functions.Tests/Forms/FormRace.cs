using System.Net;
using DurableTask.Core.History;
using MentorFlow.Core.Year;
using MentorFlow.Functions.Submissions;
using MentorFlow.Functions.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace MentorFlow.Functions.Tests.Forms;

/// <summary>
/// Twenty tabs of one form: each reads the page (its own cookie and antiforgery token), then all post the same answers at
/// the same moment, as a double tap on a slow phone or a retrying proxy would.
/// </summary>
internal static class FormRace
{
    public const int Posts = 20;

    /// <summary>The status and page of every post, in no particular order.</summary>
    public static async Task<IReadOnlyList<(HttpStatusCode Status, string Html)>> PostAtOnceAsync(Uri page, IReadOnlyDictionary<string, string> fields)
    {
        var answers = fields.Where(f => f.Key != "__RequestVerificationToken").ToList();
        var tabs = Enumerable.Range(0, Posts).Select(_ => new HttpForm()).ToList();
        try
        {
            foreach (var tab in tabs)
            {
                Assert.Equal(HttpStatusCode.OK, await tab.GetAsync(page));
            }

            var statuses = await Task.WhenAll(tabs.Select(tab => tab.PostAsync(page, answers)));
            return [.. statuses.Select((status, i) => (status, tabs[i].Html))];
        }
        finally
        {
            tabs.ForEach(tab => tab.Dispose());
        }
    }

    /// <summary>Exactly one post was taken (its page, after the redirect, answers 200); every other one got the form's 409 "Already submitted" page.</summary>
    public static void AssertOneAccepted(IReadOnlyList<(HttpStatusCode Status, string Html)> posts)
    {
        Assert.All(posts, post => Assert.Contains(post.Status, new[] { HttpStatusCode.OK, HttpStatusCode.Conflict }));
        Assert.Single(posts, post => post.Status == HttpStatusCode.OK);
        Assert.All(posts.Where(post => post.Status == HttpStatusCode.Conflict), post => Assert.Contains("Already submitted", post.Html, StringComparison.Ordinal));
    }

    /// <summary>The events the pairing's year has heard, once every saved one was raised and the engine ran.</summary>
    public static async Task<int> YearEventsAsync(RunningApp app, string pairingId)
    {
        await app.Services.GetRequiredService<YearEventRelay>().RaisePendingAsync(default);
        await app.RunEngineAsync();
        var history = await app.Engine.GetOrchestrationHistoryAsync(pairingId);
        return history.OfType<EventRaisedEvent>().Count(e => e.Name == PairingYearOrchestrator.EventName);
    }
}
