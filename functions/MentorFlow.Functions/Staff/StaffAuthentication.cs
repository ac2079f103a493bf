using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace MentorFlow.Functions.Staff;

/// <summary>
/// How staff are recognised: machines and scripts send a key (or App Service's client principal) with every request to
/// <c>/api</c>; people sign in once at <c>/staff/sign-in</c> with their key and browse the pages with a cookie.
/// </summary>
public static class StaffAuthentication
{
    /// <summary>The scheme that picks one of the two per request.</summary>
    public const string SchemeName = "StaffOrCookie";

    /// <summary>The sign-in cookie's claim holding <see cref="StaffKeys.Fingerprint"/> of the key it was signed in with.</summary>
    public const string KeyClaim = "mentorflow-key";

    /// <summary>Adds both schemes and the selector between them.</summary>
    public static IServiceCollection AddStaffAuthentication(this IServiceCollection services)
    {
        services.AddAuthentication(SchemeName)
            .AddPolicyScheme(SchemeName, "Staff key or sign-in cookie", policy => policy.ForwardDefaultSelector = context =>
                context.Request.Path.StartsWithSegments("/api") || context.Request.Headers.ContainsKey(StaffKeys.Header) || SignedInByAppService(context)
                    ? StaffAuthenticationHandler.SchemeName
                    : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddScheme<AuthenticationSchemeOptions, StaffAuthenticationHandler>(StaffAuthenticationHandler.SchemeName, null)
            .AddCookie(cookie =>
            {
                cookie.LoginPath = "/staff/sign-in";
                cookie.AccessDeniedPath = "/staff/denied";
                cookie.Cookie.Name = "mentorflow-staff";
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Strict;
                cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
                cookie.SlidingExpiration = true;
                cookie.Events.OnValidatePrincipal = EndIfKeyRotatedAsync;
            });
        return services;
    }

    // Behind App Service authentication the platform signs people in for the pages too (the sign-in cookie is for one machine).
    private static bool SignedInByAppService(HttpContext context) =>
        context.Request.Headers.ContainsKey("X-MS-CLIENT-PRINCIPAL")
        && context.RequestServices.GetRequiredService<IConfiguration>().GetValue<bool>("MentorFlow:Staff:TrustAppServicePrincipal");

    // A session signed in with a key rotated since (the staff-keys command) ends, as the key itself stopped working.
    private static async Task EndIfKeyRotatedAsync(CookieValidatePrincipalContext context)
    {
        var keys = context.HttpContext.RequestServices.GetRequiredService<StaffKeys>();
        var principal = context.Principal;
        var role = Enum.TryParse<StaffRole>(principal?.FindFirst(System.Security.Claims.ClaimTypes.Role)?.Value, out var r) ? r : (StaffRole?)null;
        if (role is null || principal!.FindFirst(KeyClaim)?.Value != keys.Fingerprint(role.Value))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
    }
}
