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

    /// <summary>Adds both schemes and the selector between them.</summary>
    public static IServiceCollection AddStaffAuthentication(this IServiceCollection services)
    {
        services.AddAuthentication(SchemeName)
            .AddPolicyScheme(SchemeName, "Staff key or sign-in cookie", policy => policy.ForwardDefaultSelector = context =>
                context.Request.Path.StartsWithSegments("/api") || context.Request.Headers.ContainsKey(StaffKeys.Header)
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
            });
        return services;
    }
}
