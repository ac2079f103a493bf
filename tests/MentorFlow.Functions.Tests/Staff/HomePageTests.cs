using System.Net;
using MentorFlow.Functions.Tests.Forms;
using MentorFlow.Functions.Tests.Hosting;

namespace MentorFlow.Functions.Tests.Staff;

public sealed class HomePageTests
{
    [Fact]
    public async Task The_home_page_links_each_member_of_staff_to_their_pages_and_each_asks_them_to_sign_in()
    {
        await using var app = await RunningApp.StartAsync();
        using var visitor = new HttpForm();

        Assert.Equal(HttpStatusCode.OK, await visitor.GetAsync(app.BaseAddress));
        var home = visitor.Html;

        Assert.Contains("href=\"/staff/sign-in\"", home, StringComparison.Ordinal);
        foreach (var page in new[] { "/coordinator", "/hr/import", "/hr/pairings", "/hr/hires", "/reports" })
        {
            Assert.Contains($"href=\"{page}\"", home, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.OK, await visitor.GetAsync(new Uri(app.BaseAddress, page)));
            Assert.Contains("name=\"Key\"", visitor.Html, StringComparison.Ordinal); // the sign-in form, after its redirect
        }
    }
}
