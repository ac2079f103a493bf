using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MentorFlow.Functions.Records;
using MentorFlow.Functions.Staff;
using MentorFlow.Functions.Tests.Hosting;
using MentorFlow.Functions.Tests.Pairings;
using MentorFlow.Server.Functions;
using Microsoft.Extensions.DependencyInjection;

namespace MentorFlow.Functions.Tests.Security;

/// <summary>
/// Every HTTP function, with every method it takes, gets a corpus of hostile input (broken and oversized bodies, wrong
/// media types, route values that try traversal, injection and control characters), with and without a staff key:
/// nothing answers 5xx, nothing stored changes, no email goes out, and no personal data sent in the input reaches the logs.
/// </summary>
public sealed class BadInputCorpusTests
{
    // Personal data a hostile client sends; the app may refuse it, never log it.
    private const string Name = "Zed Quixote-Marlowe";
    private const string Email = "zed.quixote@personal.example";

    private static readonly string[] RouteValues =
    [
        "..%2F..%2Fetc%2Fpasswd", "%00", "%E2%80%AE", "<script>alert(1)</script>", "' OR 1=1 --", new string('a', 3000), "2026-2027", "demo-district",
    ];

    private static readonly (string MediaType, byte[] Body)[] Bodies =
    [
        ("application/json", Encoding.UTF8.GetBytes($"{{\"districtId\":\"demo-district\",\"mentee\":{{\"name\":\"{Name}\",\"email\":\"{Email}\"")),
        ("application/json", Encoding.UTF8.GetBytes($"[{{\"name\":\"{Name}\"}}, 7, null]")),
        ("application/json", Encoding.UTF8.GetBytes($"{{\"days\":\"{Email}\",\"hours\":1e309,\"endedOn\":\"{Name}\",\"reason\":[1]}}")),
        ("application/x-www-form-urlencoded", Encoding.UTF8.GetBytes($"Key={Uri.EscapeDataString(Email)}&Schedule.StartTime=25%3A99&Confirm%5B1%5D=7&__RequestVerificationToken=forged&name={Uri.EscapeDataString(Name)}")),
        ("text/csv", Encoding.UTF8.GetBytes($"districtId,mentee name\n\"demo-district,\"{Name}\n{Email},\"unterminated\n")),
        ("image/png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. Encoding.UTF8.GetBytes(Email)]),
        ("application/json", Encoding.UTF8.GetBytes("{\"school\":\"" + new string('x', 6 * 1024 * 1024) + "\"}")),
    ];

    [Fact]
    public async Task Every_http_function_survives_the_corpus_without_a_5xx_a_change_a_mail_or_personal_data_in_its_logs()
    {
        await using var app = await RunningApp.StartAsync();
        using (var hr = app.Client())
        {
            using var created = await hr.PostAsJsonAsync(new Uri("/api/pairings", UriKind.Relative), PairingRequests.Valid());
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        await app.RunEngineAsync();
        var before = await SnapshotAsync(app);
        var logs = LogCapture.Start(app);
        var failures = new List<string>();
        var sent = 0;
        var catalog = app.Services.GetRequiredService<FunctionCatalog>();

        foreach (var (function, trigger) in catalog.Http)
        {
            foreach (var method in trigger.Methods ?? ["GET"])
            {
                foreach (var path in Paths(HttpFunctionRoutes.RouteOf(function, trigger)))
                {
                    foreach (var role in new StaffRole?[] { null, StaffRole.Hr, StaffRole.Coordinator, StaffRole.Analyst })
                    {
                        using var client = app.Client(role);
                        foreach (var (mediaType, body) in method.Equals("get", StringComparison.OrdinalIgnoreCase) || method.Equals("head", StringComparison.OrdinalIgnoreCase) ? [("", Array.Empty<byte>())] : Bodies)
                        {
                            using var request = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), path);
                            if (body.Length > 0)
                            {
                                request.Content = new ByteArrayContent(body);
                                request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(mediaType);
                                // An answer before the body (a refusal) is read as the answer, not as a broken upload.
                                request.Headers.ExpectContinue = true;
                            }

                            using var response = await client.SendAsync(request);
                            sent++;
                            if ((int)response.StatusCode >= 500)
                            {
                                failures.Add($"{function.Name} {method} {Shorten(path)} as {role?.ToString() ?? "nobody"} with {mediaType}: {(int)response.StatusCode}");
                            }
                        }
                    }
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
        // Every function was reached many times over: each of its methods, paths, callers and bodies.
        Assert.True(sent > 20 * catalog.Http.Count(), $"only {sent} requests");
        await app.RunEngineAsync();
        Assert.Equal(before, await SnapshotAsync(app));
        Assert.DoesNotContain(logs.Lines, line => line.Contains(Email, StringComparison.OrdinalIgnoreCase) || line.Contains(Name, StringComparison.OrdinalIgnoreCase));
    }

    // The function's route with each hostile value in each of its parameters (the others given a plausible value).
    private static IEnumerable<string> Paths(string route)
    {
        var parameters = System.Text.RegularExpressions.Regex.Matches(route, @"\{(\w+)[^}]*\}").Select(m => m.Value).ToList();
        if (parameters.Count == 0)
        {
            yield return route.Replace("//", "/", StringComparison.Ordinal);
            yield break;
        }

        foreach (var hostile in parameters)
        {
            foreach (var value in RouteValues)
            {
                var path = route;
                foreach (var parameter in parameters)
                {
                    path = path.Replace(parameter, parameter == hostile ? value : "2026-2027", StringComparison.Ordinal);
                }

                yield return path;
            }
        }
    }

    private static string Shorten(string path) => path.Length > 80 ? path[..80] + "…" : path;

    // What the corpus must leave as it was: the pairings as stored, where their years stand, and the outbox.
    private static async Task<string> SnapshotAsync(RunningApp app)
    {
        var records = await app.Services.GetRequiredService<IPairingRecords>().ListAsync("demo-district", CancellationToken.None);
        var years = new List<string?>();
        foreach (var record in records)
        {
            years.Add((await app.Engine.GetInstanceAsync(record.Pairing.PairingId, getInputsAndOutputs: true))?.SerializedCustomStatus);
        }

        var outbox = Directory.GetFiles(app.Outbox).Select(Path.GetFileName).Order(StringComparer.Ordinal);
        return JsonSerializer.Serialize(new { records, years, outbox });
    }
}
