using System.Net;
using System.Net.Http.Headers;
using System.Text;
using MentorFlow.Functions.Pairings;
using MentorFlow.Functions.Tests.Hosting;
using MentorFlow.Testing;

namespace MentorFlow.Functions.Tests.Pairings;

public sealed class ImportContentTypeTests
{
    private static readonly string Sample = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "functions", "MentorFlow.Functions", "Pairings", "pairings-sample.csv"));

    private static readonly string FirstPairing = PairingIds.For("demo-district", "2026-2027", "E2001", "E1001");

    [Theory]
    [InlineData("application/json")]
    [InlineData("image/png")]
    [InlineData("application/octet-stream")]
    public async Task A_body_that_is_not_csv_is_refused_with_415_and_nothing_is_imported(string contentType)
    {
        await using var app = await RunningApp.StartAsync();
        using var http = app.Client();
        using var body = new ByteArrayContent(Encoding.UTF8.GetBytes(Sample));
        body.Headers.ContentType = new MediaTypeHeaderValue(contentType);

        using var response = await http.PostAsync("/api/pairings/import", body);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("text/csv", (await RunningApp.JsonAsync(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        using var read = await http.GetAsync($"/api/pairings/{FirstPairing}");
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
    }

    [Fact]
    public async Task A_body_without_a_content_type_is_refused_with_415()
    {
        await using var app = await RunningApp.StartAsync();
        using var http = app.Client();
        using var body = new ByteArrayContent(Encoding.UTF8.GetBytes(Sample));

        using var response = await http.PostAsync("/api/pairings/import", body);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Text_plain_is_read_as_csv()
    {
        await using var app = await RunningApp.StartAsync();
        using var http = app.Client();

        using var response = await http.PostAsync("/api/pairings/import", new StringContent(Sample, Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, (await RunningApp.JsonAsync(response)).GetProperty("createdCount").GetInt32());
    }

    [Theory]
    [InlineData("text/csv")]
    [InlineData("application/vnd.ms-excel")] // what a browser on Windows with Excel says for a .csv file
    public async Task A_browser_form_upload_with_a_csv_file_part_imports(string partType)
    {
        await using var app = await RunningApp.StartAsync();
        using var http = app.Client();
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(Sample));
        file.Headers.ContentType = new MediaTypeHeaderValue(partType);
        form.Add(new StringContent("demo-district"), "note");
        form.Add(file, "file", "pairings.csv");

        using var response = await http.PostAsync("/api/pairings/import", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, (await RunningApp.JsonAsync(response)).GetProperty("createdCount").GetInt32());
    }

    [Fact]
    public async Task A_form_upload_of_a_picture_is_refused_with_415()
    {
        await using var app = await RunningApp.StartAsync();
        using var http = app.Client();
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        form.Add(file, "file", "pairings.png");

        using var response = await http.PostAsync("/api/pairings/import", form);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_form_without_a_file_names_the_file_field()
    {
        await using var app = await RunningApp.StartAsync();
        using var http = app.Client();
        using var form = new MultipartFormDataContent { { new StringContent("nothing"), "note" } };

        using var response = await http.PostAsync("/api/pairings/import", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await RunningApp.JsonAsync(response)).GetProperty("errors").TryGetProperty("file", out _));
    }
}
