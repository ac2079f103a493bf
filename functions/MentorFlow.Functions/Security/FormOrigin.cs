using System.Text.Encodings.Web;
using MentorFlow.Functions.Api;

namespace MentorFlow.Functions.Security;

/// <summary>
/// A second line behind the antiforgery token: a form post (the kinds a page on another site can send without asking) whose
/// <c>Origin</c>, or when absent <c>Referer</c>, names another site than the app's public address
/// (<c>MentorFlow:PublicUrl</c>) or the address the request was sent to is refused with 403. A post naming no origin at
/// all is let through to the token check, as some mail clients and privacy tools strip both headers.
/// </summary>
public sealed class FormOrigin(RequestDelegate next, IConfiguration configuration)
{
    /// <summary>The setting of the address people reach the app at, which emailed links carry.</summary>
    public const string PublicUrlSetting = "MentorFlow:PublicUrl";

    // The content types a page on another site can post without a preflight: what a forged form sends.
    private static readonly string[] FormContentTypes = ["application/x-www-form-urlencoded", "multipart/form-data", "text/plain"];

    private readonly Uri? _publicUrl = Uri.TryCreate(configuration?[PublicUrlSetting], UriKind.Absolute, out var url) ? url : null;

    /// <summary>Refuses a form post from another site; passes everything else on.</summary>
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method)
            || !FormContentTypes.Any(type => request.ContentType?.StartsWith(type, StringComparison.OrdinalIgnoreCase) == true)
            || NamedOrigin(request) is not { } named
            || IsOurs(named, request))
        {
            await next(context);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        if (request.Path.StartsWithSegments("/api"))
        {
            await ApiProblem.Status(StatusCodes.Status403Forbidden, "Sent from another site",
                $"This form was sent from {named}, not from MentorFlow; nothing was changed. Open the form from MentorFlow and send it again.").ExecuteAsync(context);
            return;
        }

        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync($"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Not sent: another site</title></head>
            <body><main><h1>This form was not sent</h1>
            <p>It came from another site ({HtmlEncoder.Default.Encode(named)}), not from MentorFlow's own page, so nothing was saved.</p>
            <p><strong>What to do:</strong> open the link in your MentorFlow email again, fill in the form there and send it.</p></main></body></html>
            """);
    }

    // The origin the browser says the post came from: Origin, else the Referer's scheme, host and port; null when it names none.
    private static string? NamedOrigin(HttpRequest request)
    {
        if (request.Headers.Origin.ToString() is { Length: > 0 } origin)
        {
            return origin; // "null" too: a page that hides where it is does not count as ours
        }

        return request.Headers.Referer.ToString() is { Length: > 0 } referer
            ? Uri.TryCreate(referer, UriKind.Absolute, out var from) ? from.GetLeftPart(UriPartial.Authority) : referer
            : null;
    }

    // Ours: the public address, or the very address the browser sent this request to (a site cannot make a browser lie about that).
    private bool IsOurs(string named, HttpRequest request) =>
        Uri.TryCreate(named, UriKind.Absolute, out var origin)
        && (SameOrigin(origin, _publicUrl) || (Uri.TryCreate($"{request.Scheme}://{request.Host}", UriKind.Absolute, out var self) && SameOrigin(origin, self)));

    private static bool SameOrigin(Uri origin, Uri? other) =>
        other is not null
        && string.Equals(origin.Scheme, other.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(origin.IdnHost, other.IdnHost, StringComparison.OrdinalIgnoreCase)
        && origin.Port == other.Port;
}
