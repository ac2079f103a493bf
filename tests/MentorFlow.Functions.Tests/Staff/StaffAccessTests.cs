using System.Net;
using System.Text;
using MentorFlow.Functions.Staff;
using MentorFlow.Functions.Tests.Hosting;
using MentorFlow.Functions.Tests.Pairings;

namespace MentorFlow.Functions.Tests.Staff;

public sealed class StaffAccessTests
{
    // Each endpoint and the roles that may use it; every other role gets 403, no key 401.
    public static TheoryData<string, string, string> Matrix() => new()
    {
        { "POST", "/api/pairings", "Hr" },
        { "POST", "/api/pairings/import", "Hr" },
        { "GET", "/api/pairings/p-any", "Hr,Coordinator" },
        { "POST", "/api/pairings/p-any/end", "Hr,Coordinator" },
        { "GET", "/api/clock", "Hr,Coordinator,Analyst" },
        { "POST", "/api/clock/advance", "Hr,Coordinator,Analyst" },
        { "GET", "/coordinator", "Coordinator" },
        { "GET", "/coordinator/pairings.csv", "Coordinator" },
        { "GET", "/coordinator/pairings/p-any", "Coordinator" },
        { "GET", "/api/reports/2026-2027/state.xlsx", "Analyst,Coordinator" },
        { "GET", "/api/reports/2026-2027/districts/demo-district.xlsx", "Analyst,Coordinator" },
        { "POST", "/api/reports/2026-2027/refresh", "Analyst,Coordinator" },
    };

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Each_role_reaches_only_its_own_endpoints(string method, string path, string allowed)
    {
        await using var app = await RunningApp.StartAsync();
        var roles = allowed.Split(',').Select(Enum.Parse<StaffRole>).ToHashSet();

        foreach (var role in Enum.GetValues<StaffRole>())
        {
            using var http = app.Client(role);
            using var response = await http.SendAsync(Request(method, path));
            if (roles.Contains(role))
            {
                Assert.NotEqual(HttpStatusCode.Forbidden, response.StatusCode);
                Assert.NotEqual(HttpStatusCode.Unauthorized, response.StatusCode);
            }
            else
            {
                Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
                Assert.Contains("Not for your role", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }
        }

        // Without credentials the API answers 401; a page sends the person to sign in.
        using var anonymous = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = app.BaseAddress };
        using var unauthenticated = await anonymous.SendAsync(Request(method, path));
        if (path.StartsWith("/api", StringComparison.Ordinal))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, unauthenticated.StatusCode);
            Assert.Contains(StaffKeys.Header, await unauthenticated.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal(HttpStatusCode.Redirect, unauthenticated.StatusCode);
            Assert.Equal("/staff/sign-in", unauthenticated.Headers.Location!.AbsolutePath);
        }

        using var wrongKey = new HttpClient { BaseAddress = app.BaseAddress };
        wrongKey.DefaultRequestHeaders.Add(StaffKeys.Header, "not-a-key");
        using var refused = await wrongKey.SendAsync(Request(method, path));
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task Behind_App_Service_authentication_the_app_roles_of_the_client_principal_decide()
    {
        await using var trusted = await RunningApp.StartAsync("--MentorFlow:Staff:TrustAppServicePrincipal", "true");
        await using var untrusted = await RunningApp.StartAsync();

        Assert.Equal(HttpStatusCode.Created, (await SendAsPrincipal(trusted, "HR")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsPrincipal(trusted, "Analyst")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsPrincipal(untrusted, "HR")).StatusCode);
    }

    [Fact]
    public async Task Behind_App_Service_authentication_a_coordinator_opens_the_dashboard_without_the_sign_in_page()
    {
        await using var trusted = await RunningApp.StartAsync("--MentorFlow:Staff:TrustAppServicePrincipal", "true");
        var principal = """{"auth_typ":"aad","name_typ":"name","role_typ":"roles","claims":[{"typ":"name","val":"Cam Coordinator"},{"typ":"roles","val":"Coordinator"}]}""";
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = trusted.BaseAddress };
        http.DefaultRequestHeaders.Add("X-MS-CLIENT-PRINCIPAL", Convert.ToBase64String(Encoding.UTF8.GetBytes(principal)));

        using var dashboard = await http.GetAsync(new Uri("/coordinator", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
    }

    private static async Task<HttpResponseMessage> SendAsPrincipal(RunningApp app, string appRole)
    {
        var principal = $$"""{"auth_typ":"aad","name_typ":"name","role_typ":"roles","claims":[{"typ":"name","val":"Pat HR"},{"typ":"roles","val":"{{appRole}}"}]}""";
        using var http = app.Client(role: null);
        var request = Request("POST", "/api/pairings");
        request.Headers.Add("X-MS-CLIENT-PRINCIPAL", Convert.ToBase64String(Encoding.UTF8.GetBytes(principal)));
        return await http.SendAsync(request);
    }

    private static HttpRequestMessage Request(string method, string path) => new(new HttpMethod(method), path)
    {
        Content = method == "POST" && path.EndsWith("/import", StringComparison.Ordinal)
            ? new StringContent("districtId\n", Encoding.UTF8, "text/csv")
            : method == "POST" && path.EndsWith("/refresh", StringComparison.Ordinal)
                ? null
            : method == "POST" && path.EndsWith("/advance", StringComparison.Ordinal)
                ? new StringContent("{\"days\":1}", Encoding.UTF8, "application/json")
            : method == "POST" && path.EndsWith("/end", StringComparison.Ordinal)
                ? new StringContent("{\"endedOn\":\"2027-01-01\",\"reason\":\"Reassigned\"}", Encoding.UTF8, "application/json")
                : method == "POST" ? new StringContent(PairingRequests.ValidJson(), Encoding.UTF8, "application/json") : null,
    };
}
