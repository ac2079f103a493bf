using System.Globalization;
using System.Text.RegularExpressions;
using System.Security.Claims;
using MentorFlow.Functions.Security;
using MentorFlow.Functions.Staff;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace MentorFlow.Functions.Pages;

/// <summary>
/// Renders a page component inside <see cref="PageLayout"/> to HTML with <see cref="HtmlRenderer"/>, outside any Blazor app,
/// so a plain handler (under ASP.NET Core or the Azure Functions host) can answer with the page.
/// </summary>
public sealed partial class PageRenderer
{
    /// <summary>
    /// The page <typeparamref name="TPage"/> showing <paramref name="model"/> (its <c>Model</c> parameter), titled
    /// <paramref name="title"/>, as an HTML answer with <paramref name="statusCode"/>.
    /// </summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "A service the pages are given, so a host can replace it.")]
    public async Task<IResult> RenderAsync<TPage, TModel>(HttpContext context, string title, TModel model, int statusCode = StatusCodes.Status200OK)
        where TPage : IComponent
    {
        ArgumentNullException.ThrowIfNull(context);
        var services = context.RequestServices;
        var signedInAs = SignedInAs(context.User);
        // The same token the page's own forms carry (one per request), made for the person signed in.
        var signOutToken = signedInAs is null ? null : services.GetRequiredService<IAntiforgery>().GetAndStoreTokens(context).RequestToken;
        // A renderer per page: it holds the rendered components, and nothing is kept between requests.
        await using var renderer = new HtmlRenderer(services, services.GetRequiredService<ILoggerFactory>());
        var html = await renderer.Dispatcher.InvokeAsync(async () =>
        {
            RenderFragment body = builder =>
            {
                builder.OpenComponent<TPage>(0);
                builder.AddComponentParameter(1, "Model", model);
                builder.CloseComponent();
            };
            var parameters = ParameterView.FromDictionary(new Dictionary<string, object?>
            {
                [nameof(PageLayout.Title)] = title,
                [nameof(PageLayout.StyleNonce)] = SecurityHeaders.StyleNonce(context),
                [nameof(PageLayout.ChildContent)] = body,
                [nameof(PageLayout.SignedInAs)] = signedInAs,
                [nameof(PageLayout.SignOutToken)] = signOutToken,
            });
            var page = await renderer.RenderComponentAsync<PageLayout>(parameters);
            return page.ToHtmlString();
        });
        return TypedResults.Content(WithTextAsIs(html), "text/html; charset=utf-8", statusCode: statusCode);
    }

    // A member of staff known to this request (a page checked their role first); a key's session shows its role.
    private static string? SignedInAs(ClaimsPrincipal user) =>
        user.Identity is { IsAuthenticated: true, Name: { Length: > 0 } name } && Enum.GetNames<StaffRole>().Any(user.IsInRole)
            ? user.HasClaim(c => c.Type == StaffAuthentication.KeyClaim) ? $"{name} (role key)" : name
            : null;

    // HtmlRenderer's encoder is fixed and writes every non-ASCII character as a reference (— as &#x2014;); the page is
    // UTF-8, so they go as themselves, as the Razor pages wrote them. Markup characters (<, &, ", ') are ASCII and stay encoded.
    private static string WithTextAsIs(string html) => NonAsciiReference().Replace(html, match =>
    {
        var code = int.Parse(match.Groups[1].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        return code is >= 0x80 and <= 0x10FFFF and not (>= 0xD800 and <= 0xDFFF) ? char.ConvertFromUtf32(code) : match.Value;
    });

    [GeneratedRegex("&#x([0-9A-Fa-f]{2,6});")]
    private static partial Regex NonAsciiReference();
}
