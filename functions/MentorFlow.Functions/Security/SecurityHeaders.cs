using System.Security.Cryptography;

namespace MentorFlow.Functions.Security;

/// <summary>
/// The headers every response carries: a Content-Security-Policy that allows no script at all (the forms work without
/// it), the layout's one style block by a per-response nonce, no framing (clickjacking a signature), no MIME sniffing,
/// and a Referer only to the app itself, since a step link's token is in its path.
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next)
{
    private const string NonceKey = "MentorFlow.Security.StyleNonce";

    /// <summary>The nonce the page's <c>&lt;style&gt;</c> element carries so the policy lets it apply.</summary>
    public static string StyleNonce(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Items[NonceKey] as string ?? "";
    }

    /// <summary>Sets the headers when the response starts, so error pages and challenges carry them too.</summary>
    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        // Hex, so the page writes it as it is (Razor would encode a base64 +).
        var nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        context.Items[NonceKey] = nonce;
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = $"default-src 'none'; style-src 'nonce-{nonce}'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            // same-origin: the token in a step link's path never leaves for another site, and a form post names its origin
            // (with no-referrer a browser sends "Origin: null", which FormOrigin could not tell from a forged post).
            headers["Referrer-Policy"] = "same-origin";
            return Task.CompletedTask;
        });
        return next(context);
    }
}
