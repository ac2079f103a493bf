using MentorFlow.Core.Messaging;
using MentorFlow.Functions.Mail;
using MimeKit;

namespace MentorFlow.Functions.Tests.Mail;

public sealed class ProgramMailIdTests
{
    [Fact]
    public void The_same_idempotency_key_always_gives_the_same_Message_Id_so_a_duplicate_is_recognisable()
    {
        var from = MailboxAddress.Parse("MentorFlow <mentorflow@district.example>");
        var message = new ProgramMessage("p-1/ActionPlanInvite/Mentor/1", ProgramMessageKind.ActionPlanInvite, "p-1",
            new Recipient(RecipientRole.Mentor, "Maya Mentor", "maya@district.example"), "Your plan", "Sign it.");

        using var first = ProgramMail.Compose(message, from, null);
        using var again = ProgramMail.Compose(message, from, null);
        using var other = ProgramMail.Compose(message with { IdempotencyKey = "p-1/ActionPlanInvite/Mentee/1" }, from, null);

        Assert.Equal(first.MessageId, again.MessageId);
        Assert.NotEqual(first.MessageId, other.MessageId);
        Assert.EndsWith("@mentorflow", first.MessageId, StringComparison.Ordinal);
    }
}
