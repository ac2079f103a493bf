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
/// <param name="Errors">What is wrong with what was posted.</param>
/// <param name="Email">The email typed, kept when the sign-in is refused (the password never is).</param>
public sealed record SignInView(string? ReturnUrl, string? FormToken, FieldErrors Errors, string? Email = null);

/// <summary>
/// Staff sign in as themselves with their account's email and password, or with their role's key (<c>/staff/sign-in</c>);
/// the pages then know them for eight hours, or until they sign out.
/// </summary>
public sealed partial class SignInPage(PageRenderer pages, StaffKeys keys, StaffAccounts accounts, IAntiforgery antiforgery, ILogger<SignInPage> logger)
{
    /// <summary><c>GET /staff/sign-in</c>: the sign-in form.</summary>
    [Function("SignIn")]
    public async Task<IActionResult> SignIn(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "staff/sign-in")] HttpRequest request, CancellationToken cancellationToken) =>
        (await GetAsync(request, cancellationToken)).AsAction();

    /// <summary><c>POST /staff/sign-in</c>: signs in with an account, or with a staff key.</summary>
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

    /// <summary>Signs in with the account (or, when one is given, the key), or shows the form again with what is wrong.</summary>
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
        if (!string.IsNullOrWhiteSpace(key))
        {
            return await WithKeyAsync(request, key.Trim(), returnUrl);
        }

        var email = form["Email"].ToString().Trim();
        var password = form["Password"].ToString();
        var errors = new FieldErrors();
        if (email.Length == 0)
        {
            errors.Add("Email", "Enter the email address of your account (or, before accounts are set up, your role's key below).");
        }

        if (password.Length == 0)
        {
            errors.Add("Password", "Enter your password.");
        }

        var account = errors.IsEmpty ? accounts.SignIn(email, password) : null;
        if (account is null)
        {
            if (errors.IsEmpty)
            {
                // One message for a wrong email and a wrong password: the page does not tell which emails have accounts.
                errors.Add("Password", "That email and password do not match an account here. Check both and try again, or ask your administrator.");
                RefusedAccount(logger);
            }

            return await ShowAsync(request, returnUrl, errors, email);
        }

        Claim[] claims =
        [
            new(ClaimTypes.Name, account.Name), new(ClaimTypes.Email, account.Email),
            .. account.Roles.Select(role => new Claim(ClaimTypes.Role, role.ToString())),
            new(StaffAuthentication.AccountClaim, accounts.Fingerprint(account.Email) ?? ""),
        ];
        await request.HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme)));
        SignedIn(logger, "account", account.Roles.Count);
        return TypedResults.LocalRedirect(IsLocal(returnUrl) ? returnUrl : account.Roles.Contains(StaffRole.Coordinator) ? "/coordinator" : "/");
    }

    private async Task<IResult> WithKeyAsync(HttpRequest request, string key, string? returnUrl)
    {
        if (keys.RoleOf(key) is not { } role)
        {
            var errors = new FieldErrors();
            errors.Add("Key", "That is not a staff key of this MentorFlow. Copy it again from what the app printed at its first start, or ask your administrator.");
            return await ShowAsync(request, returnUrl, errors);
        }

        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, role.ToString()), new Claim(ClaimTypes.Role, role.ToString()), new Claim(StaffAuthentication.KeyClaim, keys.Fingerprint(role))],
            CookieAuthenticationDefaults.AuthenticationScheme);
        await request.HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
        SignedIn(logger, "key", 1);
        return TypedResults.LocalRedirect(IsLocal(returnUrl) ? returnUrl : role == StaffRole.Coordinator ? "/coordinator" : "/");
    }

    private Task<IResult> ShowAsync(HttpRequest request, string? returnUrl, FieldErrors errors, string? email = null)
    {
        var token = antiforgery.GetAndStoreTokens(request.HttpContext).RequestToken;
        return pages.RenderAsync<SignIn, SignInView>(request.HttpContext, Title,
            new SignInView(string.IsNullOrEmpty(returnUrl) ? null : returnUrl, token, errors, email));
    }

    // Who signed in is not logged (no email, no name): only how, and with how many roles.
    [LoggerMessage(Level = LogLevel.Information, Message = "Staff signed in with {Method} ({RoleCount} roles)")]
    private static partial void SignedIn(ILogger logger, string method, int roleCount);

    [LoggerMessage(Level = LogLevel.Information, Message = "A staff sign-in with an email and password was refused")]
    private static partial void RefusedAccount(ILogger logger);

    // A path of this app ("/..." or "~/..."), never another site ("//host", "/\host"), as Url.IsLocalUrl decides.
    private static bool IsLocal([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? url)
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
