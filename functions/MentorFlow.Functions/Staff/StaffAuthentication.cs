using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace MentorFlow.Functions.Staff;

/// <summary>
/// How staff are recognised: machines and scripts send a key (or App Service's client principal) with every request to
/// <c>/api</c>; people sign in once at <c>/staff/sign-in</c> with their account (or their role's key) and browse the pages
/// with a cookie until they sign out.
/// </summary>
public static class StaffAuthentication
{
    /// <summary>The scheme that picks one of the two per request.</summary>
    public const string SchemeName = "StaffOrCookie";

    /// <summary>The sign-in cookie's claim holding <see cref="StaffKeys.Fingerprint"/> of the key it was signed in with.</summary>
    public const string KeyClaim = "mentorflow-key";

    /// <summary>
    /// The sign-in cookie's claim holding <see cref="StaffAccounts.Fingerprint"/> of the account it was signed in with; the
    /// account's email is its <see cref="System.Security.Claims.ClaimTypes.Email"/> claim.
    /// </summary>
    public const string AccountClaim = "mentorflow-account";

    /// <summary>Adds both schemes and the selector between them.</summary>
    public static IServiceCollection AddStaffAuthentication(this IServiceCollection services)
    {
        services.AddAuthentication(SchemeName)
            .AddPolicyScheme(SchemeName, "Staff key or sign-in cookie", policy => policy.ForwardDefaultSelector = context =>
                // A key or the platform's principal decides for itself; otherwise the browser's sign-in cookie (the APIs too, so a
                // signed-in analyst downloads from the reports page), answering the APIs with 401/403 rather than the sign-in page.
                context.Request.Headers.ContainsKey(StaffKeys.Header) || SignedInByAppService(context)
                    || (context.Request.Path.StartsWithSegments("/api") && !context.Request.Cookies.ContainsKey(CookieName))
                    ? StaffAuthenticationHandler.SchemeName
                    : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddScheme<AuthenticationSchemeOptions, StaffAuthenticationHandler>(StaffAuthenticationHandler.SchemeName, null)
            .AddCookie(cookie =>
            {
                cookie.LoginPath = "/staff/sign-in";
                cookie.AccessDeniedPath = "/staff/denied";
                cookie.Cookie.Name = CookieName;
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Strict;
                cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
                cookie.SlidingExpiration = true;
                cookie.Events.OnValidatePrincipal = EndIfChangedAsync;
                cookie.Events.OnRedirectToLogin = context => ApiOrPage(context, StatusCodes.Status401Unauthorized, "Sign in as staff",
                    "Your sign-in has ended; sign in again at /staff/sign-in, or send your staff key in the " + StaffKeys.Header + " header.");
                cookie.Events.OnRedirectToAccessDenied = context => ApiOrPage(context, StatusCodes.Status403Forbidden, "Not for your role",
                    "Your role cannot use this. Ask the program's administrator for the right role.");
            });
        return services;
    }

    /// <summary>The browser's sign-in cookie.</summary>
    public const string CookieName = "mentorflow-staff";

    // An API answers a signed-in browser that may not go on with a status and a problem, never with the sign-in page.
    private static Task ApiOrPage(RedirectContext<CookieAuthenticationOptions> context, int status, string title, string detail)
    {
        if (!context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.Redirect(context.RedirectUri);
            return Task.CompletedTask;
        }

        context.Response.StatusCode = status;
        return Results.Problem(statusCode: status, title: title, detail: detail).ExecuteAsync(context.HttpContext);
    }

    // Behind App Service authentication the platform signs people in for the pages too (the sign-in cookie is for one machine).
    private static bool SignedInByAppService(HttpContext context) =>
        context.Request.Headers.ContainsKey("X-MS-CLIENT-PRINCIPAL")
        && context.RequestServices.GetRequiredService<IConfiguration>().GetValue<bool>("MentorFlow:Staff:TrustAppServicePrincipal");

    // A session ends when what it was signed in with changed since: the account removed or changed (the staff-accounts
    // command), or the role's key rotated (the staff-keys command), as the password or key itself stopped working.
    private static async Task EndIfChangedAsync(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        if (principal is null || !StillValid(principal, context.HttpContext.RequestServices))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
    }

    private static bool StillValid(System.Security.Claims.ClaimsPrincipal principal, IServiceProvider services)
    {
        if (principal.FindFirst(AccountClaim)?.Value is { } account)
        {
            var email = principal.FindFirst(System.Security.Claims.ClaimTypes.Email)?.Value ?? "";
            return services.GetRequiredService<StaffAccounts>().Fingerprint(email) == account;
        }

        var keys = services.GetRequiredService<StaffKeys>();
        var role = Enum.TryParse<StaffRole>(principal.FindFirst(System.Security.Claims.ClaimTypes.Role)?.Value, out var r) ? r : (StaffRole?)null;
        return role is not null && principal.FindFirst(KeyClaim)?.Value == keys.Fingerprint(role.Value);
    }
}
