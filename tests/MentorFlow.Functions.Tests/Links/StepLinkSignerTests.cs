using System.Security.Cryptography;
using System.Text;
using MentorFlow.Core.Messaging;
using MentorFlow.Functions.Links;

namespace MentorFlow.Functions.Tests.Links;

public sealed class StepLinkSignerTests
{
    private static readonly DateTimeOffset Now = new(2026, 9, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly StepLinkSigner _signer = new(RandomNumberGenerator.GetBytes(32));

    private static StepLink Link(RecipientRole person = RecipientRole.Mentee) => new("p-123", person, "action-plan", Now.AddDays(60));

    [Fact]
    public void A_signed_link_reads_back_as_the_same_person_step_and_expiry()
    {
        var (link, problem) = _signer.Read(_signer.Sign(Link()), Now);

        Assert.Equal(StepLinkProblem.None, problem);
        Assert.Equal(Link(), link);
    }

    [Fact]
    public void A_link_read_after_its_expiry_is_expired()
    {
        var (_, problem) = _signer.Read(_signer.Sign(Link()), Now.AddDays(61));

        Assert.Equal(StepLinkProblem.Expired, problem);
    }

    [Fact]
    public void Naming_another_person_in_a_link_breaks_its_signature()
    {
        var token = _signer.Sign(Link(RecipientRole.Mentee));
        var payload = Encoding.UTF8.GetString(Convert.FromBase64String(Pad(token.Split('.')[0])));
        var forged = Convert.ToBase64String(Encoding.UTF8.GetBytes(payload.Replace("Mentee", "Mentor", StringComparison.Ordinal)))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_') + "." + token.Split('.')[1];

        Assert.Equal(StepLinkProblem.Tampered, _signer.Read(forged, Now).Problem);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-a-token")]
    [InlineData("a.b.c")]
    public void Garbage_and_cut_links_are_tampered(string token) =>
        Assert.Equal(StepLinkProblem.Tampered, _signer.Read(token, Now).Problem);

    [Fact]
    public void A_link_cut_short_or_from_another_key_is_tampered()
    {
        var token = _signer.Sign(Link());

        Assert.Equal(StepLinkProblem.Tampered, _signer.Read(token[..^3], Now).Problem);
        Assert.Equal(StepLinkProblem.Tampered, new StepLinkSigner(RandomNumberGenerator.GetBytes(32)).Read(token, Now).Problem);
    }

    private static string Pad(string base64Url)
    {
        var padded = base64Url.Replace('-', '+').Replace('_', '/');
        return padded + new string('=', (4 - (padded.Length % 4)) % 4);
    }
}
