using MentorFlow.Core.Messaging;
using MentorFlow.Functions.Drafts;

namespace MentorFlow.Functions.Tests.Records;

/// <summary>What every <see cref="IFormDrafts"/> does, whatever keeps the records.</summary>
public abstract class FormDraftsContract : RecordsContract
{
    [Fact]
    public async Task A_draft_is_kept_per_person_and_form_replaced_by_the_next_one_survives_a_restart_and_is_forgotten_once_sent()
    {
        await Backend.AddPairingAsync("p-1");
        var first = new FormDraft("p-1", "action-plan", RecipientRole.Mentor, new Dictionary<string, string> { ["Form.MeetingTime"] = "Tuesdays" }, At);
        var second = first with { Fields = new Dictionary<string, string> { ["Form.MeetingTime"] = "Thursdays", ["Form.Goals[0].Goal"] = "Routines" }, SavedAt = At.AddHours(1) };
        await Backend.Drafts.SaveAsync(first, default);
        await Backend.Drafts.SaveAsync(second, default);
        await Backend.Drafts.SaveAsync(second with { Step = "observation", Fields = new Dictionary<string, string>() }, default);

        await Backend.ReopenAsync();

        var found = await Backend.Drafts.FindAsync("p-1", "action-plan", RecipientRole.Mentor, default);
        Assert.NotNull(found);
        Assert.Equal(second.Fields, found.Fields);
        Assert.Equal(second.SavedAt, found.SavedAt);
        Assert.Null(await Backend.Drafts.FindAsync("p-1", "action-plan", RecipientRole.Mentee, default));
        await Backend.Drafts.DeleteAsync("p-1", "action-plan", RecipientRole.Mentor, default);
        await Backend.Drafts.DeleteAsync("p-1", "action-plan", RecipientRole.Mentor, default);
        Assert.Null(await Backend.Drafts.FindAsync("p-1", "action-plan", RecipientRole.Mentor, default));
        Assert.NotNull(await Backend.Drafts.FindAsync("p-1", "observation", RecipientRole.Mentor, default));
    }
}
