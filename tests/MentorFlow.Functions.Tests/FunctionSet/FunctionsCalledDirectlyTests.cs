using System.Net;
using System.Text;
using System.Text.Json;
using MentorFlow.Core.Simulation;
using MentorFlow.Functions.Health;
using MentorFlow.Functions.Pages.Steps;
using MentorFlow.Functions.Pairings;
using MentorFlow.Functions.Reporting;
using MentorFlow.Functions.Staff;
using MentorFlow.Functions.Tests.Hosting;
using MentorFlow.Functions.Tests.Pairings;
using MentorFlow.Reports;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;

namespace MentorFlow.Functions.Tests.FunctionSet;

/// <summary>
/// The functions called as the Functions host calls them, below any host: the class made from the app's real services, a
/// real <see cref="HttpRequest"/> (or a <see cref="TimerInfo"/>) in, the returned result executed on the request's context.
/// </summary>
public sealed class FunctionsCalledDirectlyTests
{
    [Fact]
    public async Task StartPairing_called_with_hrs_key_and_a_json_body_creates_the_pairing_and_answers_201()
    {
        await using var app = await RunningApp.StartAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var context = Request(scope.ServiceProvider, "POST", "/api/pairings", JsonSerializer.Serialize(PairingRequests.Valid()), "application/json");
        context.Request.Headers[StaffKeys.Header] = RunningApp.Keys[StaffRole.Hr];
        var functions = ActivatorUtilities.CreateInstance<PairingFunctions>(scope.ServiceProvider);

        var result = await functions.Start(context.Request, app.Engine, CancellationToken.None);
        var (status, body) = await ExecuteAsync(result, context);

        Assert.Equal((int)HttpStatusCode.Created, status);
        var pairingId = JsonDocument.Parse(body).RootElement.GetProperty("pairingId").GetString();
        Assert.Equal($"/api/pairings/{pairingId}", context.Response.Headers.Location.ToString());
        Assert.NotNull(await app.Engine.GetInstanceAsync(pairingId!));
    }

    [Fact]
    public async Task StartPairing_called_without_a_key_is_challenged_and_creates_nothing()
    {
        await using var app = await RunningApp.StartAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var context = Request(scope.ServiceProvider, "POST", "/api/pairings", JsonSerializer.Serialize(PairingRequests.Valid()), "application/json");
        var functions = ActivatorUtilities.CreateInstance<PairingFunctions>(scope.ServiceProvider);

        var (status, _) = await ExecuteAsync(await functions.Start(context.Request, app.Engine, CancellationToken.None), context);

        Assert.Equal((int)HttpStatusCode.Unauthorized, status);
        Assert.Empty(await app.Services.GetRequiredService<MentorFlow.Functions.Records.IPairingRecords>().ListAsync("demo-district", CancellationToken.None));
    }

    [Fact]
    public async Task Health_called_directly_answers_healthy_as_plain_text()
    {
        await using var app = await RunningApp.StartAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var context = Request(scope.ServiceProvider, "GET", "/healthz");

        var result = await ActivatorUtilities.CreateInstance<HealthFunctions>(scope.ServiceProvider).Check(context.Request, CancellationToken.None);
        var (status, body) = await ExecuteAsync(result, context);

        Assert.Equal((200, "Healthy"), (status, body));
        Assert.StartsWith("text/plain", context.Response.ContentType, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StepForm_called_with_a_tampered_link_answers_404_with_the_page_saying_what_to_do()
    {
        await using var app = await RunningApp.StartAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var context = Request(scope.ServiceProvider, "GET", "/s/not-a-real-token");
        var page = ActivatorUtilities.CreateInstance<StepFormPage>(scope.ServiceProvider);

        var (status, body) = await ExecuteAsync(await page.StepForm(context.Request, "not-a-real-token", app.Engine, CancellationToken.None), context);

        Assert.Equal(404, status);
        Assert.Contains("This link does not open", body, StringComparison.Ordinal);
        Assert.Contains("What to do", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NightlyReports_called_with_a_timer_refreshes_in_the_districts_nightly_hour_and_not_in_another()
    {
        await using var app = await RunningApp.StartAsync();
        using (var http = app.Client())
        {
            using var created = await http.PostAsync(new Uri("/api/pairings", UriKind.Relative),
                new StringContent(JsonSerializer.Serialize(PairingRequests.Valid()), Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        var clock = (VirtualClock)app.Services.GetRequiredService<TimeProvider>();
        var files = app.Services.GetRequiredService<IReportFiles>();
        var workbook = YearOutputs.DistrictWorkbookPath("2026-2027", "demo-district");
        var nightly = ActivatorUtilities.CreateInstance<NightlyReports>(app.Services);

        // 04:00 in New York (the clock starts at 08:00 UTC): not the nightly hour, nothing is written.
        await nightly.Run(new TimerInfo(), app.Engine, CancellationToken.None);
        Assert.Null(await files.OpenReadAsync(workbook, CancellationToken.None));

        // 02:30 the next night in New York: the refresh has run.
        clock.Advance(TimeSpan.FromHours(22.5));
        await nightly.Run(new TimerInfo(), app.Engine, CancellationToken.None);
        await using var written = await files.OpenReadAsync(workbook, CancellationToken.None);
        Assert.NotNull(written);
    }

    private static DefaultHttpContext Request(IServiceProvider services, string method, string path, string? body = null, string? contentType = null)
    {
        var context = new DefaultHttpContext { RequestServices = services };
        context.Request.Method = method;
        context.Request.Scheme = "http";
        context.Request.Host = new HostString("127.0.0.1");
        context.Request.Path = path;
        if (body is not null)
        {
            var bytes = Encoding.UTF8.GetBytes(body);
            context.Request.Body = new MemoryStream(bytes);
            context.Request.ContentLength = bytes.Length;
            context.Request.ContentType = contentType;
        }

        context.Response.Body = new MemoryStream();
        return context;
    }

    private static async Task<(int Status, string Body)> ExecuteAsync(IActionResult result, HttpContext context)
    {
        await result.ExecuteResultAsync(new ActionContext(context, new RouteData(), new ActionDescriptor()));
        context.Response.Body.Position = 0;
        return (context.Response.StatusCode, await new StreamReader(context.Response.Body).ReadToEndAsync());
    }
}
