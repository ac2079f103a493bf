using System.Net;
using System.Text.RegularExpressions;

namespace MentorFlow.Functions.Tests.Forms;

/// <summary>A person's visits to a form page without a browser: one cookie jar, the page's antiforgery token and hidden fields read from its HTML.</summary>
internal sealed partial class HttpForm : IDisposable
{
    private readonly HttpClient _http = new(new HttpClientHandler { CookieContainer = new CookieContainer() });

    public string Html { get; private set; } = "";

    public async Task<HttpStatusCode> GetAsync(Uri page)
    {
        using var response = await _http.GetAsync(page);
        Html = await response.Content.ReadAsStringAsync();
        return response.StatusCode;
    }

    /// <summary>Posts <paramref name="fields"/> with the token of the page last read; follows the redirect a saved form answers with.</summary>
    public async Task<HttpStatusCode> PostAsync(Uri page, IEnumerable<KeyValuePair<string, string>> fields)
    {
        using var content = new FormUrlEncodedContent([.. fields, new("__RequestVerificationToken", Value("__RequestVerificationToken"))]);
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

    public void Dispose() => _http.Dispose();

    [GeneratedRegex("value=\"([^\"]*)\"")]
    private static partial Regex ValueAttribute();
}
