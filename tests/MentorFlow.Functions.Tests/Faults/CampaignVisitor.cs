using System.Net;
using System.Text.RegularExpressions;

namespace MentorFlow.Functions.Tests.Faults;

/// <summary>
/// One person's visits to a page without a browser, for the fault campaign: one cookie jar, the page's form fields read
/// from its HTML as a browser would post them, and redirects not followed, so a saved form (302) can be told from a
/// form shown again (200).
/// </summary>
internal sealed partial class CampaignVisitor : IDisposable
{
    private readonly HttpClient _http;

    public CampaignVisitor(string? staffKey = null)
    {
        _http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
        {
            Timeout = TimeSpan.FromSeconds(120),
        };
        if (staffKey is not null)
        {
            _http.DefaultRequestHeaders.Add(MentorFlow.Functions.Staff.StaffKeys.Header, staffKey);
        }
    }

    /// <summary>The page last read.</summary>
    public string Html { get; private set; } = "";

    public async Task<HttpStatusCode> GetAsync(Uri page)
    {
        using var response = await _http.GetAsync(page);
        Html = await response.Content.ReadAsStringAsync();
        return response.StatusCode;
    }

    /// <summary>Posts the first post form of the page last read, with <paramref name="answers"/> in place of what it holds.</summary>
    public async Task<HttpStatusCode> PostAsync(Uri page, IReadOnlyDictionary<string, string> answers)
    {
        var fields = FormFields(Html);
        foreach (var (name, value) in answers)
        {
            fields[name] = value;
        }

        using var response = await _http.PostAsync(page, new FormUrlEncodedContent(fields));
        Html = await response.Content.ReadAsStringAsync();
        return response.StatusCode;
    }

    /// <summary>
    /// The named fields of the first <c>method="post"</c> form in <paramref name="html"/> as a browser posts them untouched:
    /// inputs (checked ones only for radios and checkboxes, none disabled), the selected or first option of each list,
    /// and text areas.
    /// </summary>
    public static Dictionary<string, string> FormFields(string html)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        var form = PostForm().Match(html);
        if (!form.Success)
        {
            return fields;
        }

        var body = form.Value;
        foreach (Match input in Input().Matches(body))
        {
            var tag = input.Value;
            if (Attribute(tag, "name") is not { } name || Disabled().IsMatch(tag))
            {
                continue;
            }

            var type = Attribute(tag, "type") ?? "text";
            if (type is "radio" or "checkbox" && !Checked().IsMatch(tag))
            {
                continue;
            }

            // A checked checkbox and its hidden "false" both arrive; the first one read wins, as the app reads the flag.
            fields.TryAdd(name, Attribute(tag, "value") ?? (type == "checkbox" ? "on" : ""));
        }

        foreach (Match select in Select().Matches(body))
        {
            if (Attribute(select.Groups["open"].Value, "name") is not { } name || Disabled().IsMatch(select.Groups["open"].Value))
            {
                continue;
            }

            var options = Option().Matches(select.Groups["options"].Value);
            var chosen = options.FirstOrDefault(o => Selected().IsMatch(o.Value)) ?? options.FirstOrDefault();
            if (chosen is not null)
            {
                fields.TryAdd(name, Attribute(chosen.Value, "value") ?? "");
            }
        }

        foreach (Match area in TextArea().Matches(body))
        {
            if (Attribute(area.Groups["open"].Value, "name") is { } name)
            {
                fields.TryAdd(name, WebUtility.HtmlDecode(area.Groups["text"].Value));
            }
        }

        return fields;
    }

    /// <summary>The names of the inputs in the page last read that match <paramref name="pattern"/>'s first group.</summary>
    public IReadOnlyList<string> Names(Regex pattern) => [.. pattern.Matches(Html).Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal)];

    public void Dispose() => _http.Dispose();

    private static string? Attribute(string tag, string name)
    {
        var match = Regex.Match(tag, $"\\s{name}=\"([^\"]*)\"", RegexOptions.IgnoreCase);
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : null;
    }

    [GeneratedRegex("<form[^>]*method=\"post\"[^>]*>.*?</form>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex PostForm();

    [GeneratedRegex("<input\\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex Input();

    [GeneratedRegex("(?<open><select\\b[^>]*>)(?<options>.*?)</select>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Select();

    [GeneratedRegex("<option\\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex Option();

    [GeneratedRegex("(?<open><textarea\\b[^>]*>)(?<text>.*?)</textarea>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex TextArea();

    [GeneratedRegex("\\sdisabled(\\s|>|=|/)", RegexOptions.IgnoreCase)]
    private static partial Regex Disabled();

    [GeneratedRegex("\\schecked(\\s|>|=|/)", RegexOptions.IgnoreCase)]
    private static partial Regex Checked();

    [GeneratedRegex("\\sselected(\\s|>|=|/)", RegexOptions.IgnoreCase)]
    private static partial Regex Selected();
}
