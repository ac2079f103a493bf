using System.Security.Cryptography;
using Microsoft.AspNetCore.CookiePolicy;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace MentorFlow.Functions.Security;

/// <summary>
/// The first thing every request meets. The headers every response carries: a Content-Security-Policy that allows no
/// script at all (the forms work without it), the layout's one style block by a per-response nonce, no framing
/// (clickjacking a signature), no MIME sniffing, and a Referer only to the app itself, since a step link's token is in its
/// path. Before them, behind a known proxy, the scheme it forwards (<see cref="ForwardedProxies"/>); after them, every
/// cookie marked Secure when the request came over HTTPS, and a form post from another site refused (<see cref="FormOrigin"/>).
/// </summary>
public sealed class SecurityHeaders
{
    private const string NonceKey = "MentorFlow.Security.StyleNonce";
    private readonly RequestDelegate _next;
    private readonly RequestDelegate _pipeline;

    /// <summary>The front of the pipeline, ahead of <paramref name="next"/>.</summary>
    public SecurityHeaders(RequestDelegate next, IConfiguration configuration, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var origin = new FormOrigin(next, configuration);
        // SameAsRequest marks every cookie (antiforgery, TempData, staff sign-in) Secure on HTTPS, whatever each one asks for.
        _next = new CookiePolicyMiddleware(origin.InvokeAsync, Options.Create(new CookiePolicyOptions { Secure = CookieSecurePolicy.SameAsRequest }), loggerFactory).Invoke;
        _pipeline = ForwardedProxies.FromConfiguration(configuration) is { } forwarded
            ? new ForwardedHeadersMiddleware(AddHeaders, loggerFactory, Options.Create(forwarded)).Invoke
            : AddHeaders;
    }

    /// <summary>The nonce the page's <c>&lt;style&gt;</c> element carries so the policy lets it apply.</summary>
    public static string StyleNonce(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Items[NonceKey] as string ?? "";
    }

    /// <summary>Runs the request through the front of the pipeline.</summary>
    public Task InvokeAsync(HttpContext context) => _pipeline(context);

    // Sets the headers when the response starts, so error pages and challenges carry them too.
    private Task AddHeaders(HttpContext context)
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
        return _next(context);
    }
}
