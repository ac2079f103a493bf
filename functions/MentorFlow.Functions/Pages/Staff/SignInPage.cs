using System.Security.Claims;
using MentorFlow.Functions.Api;
using MentorFlow.Functions.Staff;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace MentorFlow.Functions.Pages.Staff;

/// <summary>What the sign-in form shows.</summary>
/// <param name="ReturnUrl">Where to go after signing in.</param>
/// <param name="FormToken">The antiforgery token the form posts.</param>
/// <param name="Errors">What is wrong with the key posted.</param>
public sealed record SignInView(string? ReturnUrl, string? FormToken, FieldErrors Errors);

/// <summary>Staff sign in with their role's key (<c>/staff/sign-in</c>); the pages then know their role for eight hours.</summary>
public sealed class SignInPage(PageRenderer pages, StaffKeys keys, IAntiforgery antiforgery)
{
    /// <summary><c>GET /staff/sign-in</c>: the sign-in form.</summary>
    [Function("SignIn")]
    public async Task<IActionResult> SignIn(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "staff/sign-in")] HttpRequest request, CancellationToken cancellationToken) =>
        (await GetAsync(request, cancellationToken)).AsAction();

    /// <summary><c>POST /staff/sign-in</c>: signs in with a staff key.</summary>
    [Function("SignInPost")]
    public async Task<IActionResult> SignInPost(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "staff/sign-in")] HttpRequest request, CancellationToken cancellationToken) =>
        (await PostAsync(request, cancellationToken)).AsAction();

    private const string Title = "Staff sign-in";

    /// <summary>Shows the form.</summary>
    public Task<IResult> GetAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested(); // a browser that left gets nothing rendered
        return ShowAsync(request, request.Query["ReturnUrl"].ToString(), new FieldErrors());
    }

    /// <summary>Signs in with the key, or shows the form again with what is wrong.</summary>
    public async Task<IResult> PostAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!await antiforgery.IsRequestValidAsync(request.HttpContext))
        {
            return TypedResults.BadRequest();
        }

        var form = await request.ReadFormAsync(cancellationToken);
        // The form's hidden field first, then the address's query, as the page's binding read it.
        var returnUrl = form.TryGetValue("ReturnUrl", out var posted) ? posted.ToString() : request.Query["ReturnUrl"].ToString();
        var key = form["Key"].ToString();
        if (string.IsNullOrWhiteSpace(key) || keys.RoleOf(key.Trim()) is not { } role)
        {
            var errors = new FieldErrors();
            errors.Add("Key", "That is not a staff key of this MentorFlow. Copy it again from what the app printed at its first start, or ask your administrator.");
            return await ShowAsync(request, returnUrl, errors);
        }

        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, role.ToString()), new Claim(ClaimTypes.Role, role.ToString()), new Claim(StaffAuthentication.KeyClaim, keys.Fingerprint(role))],
            CookieAuthenticationDefaults.AuthenticationScheme);
        await request.HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
        return TypedResults.LocalRedirect(IsLocal(returnUrl) ? returnUrl : role == StaffRole.Coordinator ? "/coordinator" : "/");
    }

    private Task<IResult> ShowAsync(HttpRequest request, string? returnUrl, FieldErrors errors)
    {
        var token = antiforgery.GetAndStoreTokens(request.HttpContext).RequestToken;
        return pages.RenderAsync<SignIn, SignInView>(request.HttpContext, Title, new SignInView(string.IsNullOrEmpty(returnUrl) ? null : returnUrl, token, errors));
    }

    // A path of this app ("/..." or "~/..."), never another site ("//host", "/\host"), as Url.IsLocalUrl decides.
    private static bool IsLocal(string? url)
    {
        if (string.IsNullOrEmpty(url))
        {
            return false;
        }

        var rest = url[0] == '/' ? url.AsSpan(1) : url.StartsWith("~/", StringComparison.Ordinal) ? url.AsSpan(2) : default;
        if (url[0] != '/' && !url.StartsWith("~/", StringComparison.Ordinal))
        {
            return false;
        }

        return rest.Length == 0 || (rest[0] != '/' && rest[0] != '\\' && !rest.ContainsAny(ControlCharacters));
    }

    private static readonly System.Buffers.SearchValues<char> ControlCharacters =
        System.Buffers.SearchValues.Create([.. Enumerable.Range(0, 32).Select(c => (char)c), (char)127]);
}
