using System.Net;
using System.Text.RegularExpressions;

namespace MentorFlow.Functions.Tests.Forms;

/// <summary>A person's visits to a form page without a browser: one cookie jar, the page's antiforgery token and hidden fields read from its HTML.</summary>
internal sealed partial class HttpForm : IDisposable
{
    private readonly CookieContainer _cookies = new();
    private readonly HttpClient _http;

    public HttpForm() => _http = new(new HttpClientHandler { CookieContainer = _cookies });

    public string Html { get; private set; } = "";

    public async Task<HttpStatusCode> GetAsync(Uri page)
    {
        using var response = await _http.GetAsync(page);
        Html = await response.Content.ReadAsStringAsync();
        return response.StatusCode;
    }

    /// <summary>Posts <paramref name="fields"/> with the token of the page last read; follows the redirect a saved form answers with.</summary>
    public Task<HttpStatusCode> PostAsync(Uri page, IEnumerable<KeyValuePair<string, string>> fields) => PostAsync(page, fields, []);

    /// <summary>Posts as <see cref="PostAsync(Uri, IEnumerable{KeyValuePair{string, string}})"/> does, with <paramref name="headers"/> (an Origin, a Referer) on the post.</summary>
    public async Task<HttpStatusCode> PostAsync(Uri page, IEnumerable<KeyValuePair<string, string>> fields, IEnumerable<KeyValuePair<string, string>> headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, page)
        {
            Content = new FormUrlEncodedContent([.. fields, new("__RequestVerificationToken", Value("__RequestVerificationToken"))]),
        };
        foreach (var (name, value) in headers)
        {
            request.Headers.Add(name, value);
        }

        using var response = await _http.SendAsync(request);
        Html = await response.Content.ReadAsStringAsync();
        return response.StatusCode;
    }

    /// <summary>Uploads <paramref name="file"/> as a browser does (<c>multipart/form-data</c>) with the token of the page last read and <paramref name="fields"/>.</summary>
    public async Task<HttpStatusCode> PostFileAsync(Uri page, string field, string fileName, byte[] file, params KeyValuePair<string, string>[] fields)
    {
        using var content = new MultipartFormDataContent
        {
            { new StringContent(Value("__RequestVerificationToken")), "__RequestVerificationToken" },
            { new ByteArrayContent(file) { Headers = { ContentType = new("text/csv") } }, field, fileName },
        };
        foreach (var (name, value) in fields)
        {
            content.Add(new StringContent(value), name);
        }

        using var response = await _http.PostAsync(page, content);
        Html = await response.Content.ReadAsStringAsync();
        return response.StatusCode;
    }

    /// <summary>The value of the input named <paramref name="name"/> in the page last read.</summary>
    public string Value(string name)
    {
        var input = Regex.Match(Html, $"<input[^>]*name=\"{Regex.Escape(name)}\"[^>]*>");
        Assert.True(input.Success, $"no input named {name} in the page");
        return WebUtility.HtmlDecode(ValueAttribute().Match(input.Value).Groups[1].Value);
    }

    /// <summary>The cookies this visitor would send to <paramref name="page"/>, as a Cookie header.</summary>
    public string Cookies(Uri page) => _cookies.GetCookieHeader(page);

    public void Dispose() => _http.Dispose();

    [GeneratedRegex("value=\"([^\"]*)\"")]
    private static partial Regex ValueAttribute();
}
