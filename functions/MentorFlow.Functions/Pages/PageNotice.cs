using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace MentorFlow.Functions.Pages;

/// <summary>
/// What a page says once after a saved form (post, redirect, get): kept in a short-lived cookie for that page's path,
/// protected so only the app could have written it, and removed when shown.
/// </summary>
public sealed class PageNotice(IDataProtectionProvider protection)
{
    private const string CookieName = "mentorflow-notice";

    private readonly IDataProtector _protector = protection.CreateProtector("MentorFlow.Pages.PageNotice");

    /// <summary>Keeps <paramref name="message"/> for the next visit of this request's page.</summary>
    public void Keep(HttpContext context, string message) => Keep(context, message, null);

    /// <summary>Keeps <paramref name="message"/> for the next visit of the page at <paramref name="path"/> (this request's page when null).</summary>
    public void Keep(HttpContext context, string message, string? path)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.Cookies.Append(CookieName, _protector.Protect(message), Options(context, TimeSpan.FromMinutes(5), path));
    }

    /// <summary>The message kept for this request's page, once; null when there is none (or it was not the app's).</summary>
    public string? Take(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.Request.Cookies.TryGetValue(CookieName, out var kept))
        {
            return null;
        }

        context.Response.Cookies.Delete(CookieName, Options(context, maxAge: null));
        try
        {
            return _protector.Unprotect(kept);
        }
        catch (CryptographicException)
        {
            return null; // an old key or a cookie the app did not write: nothing to say
        }
    }

    private static CookieOptions Options(HttpContext context, TimeSpan? maxAge, string? path = null) => new()
    {
        Path = context.Request.PathBase.Add(path is null ? context.Request.Path : new PathString(path)).ToUriComponent(),
        HttpOnly = true,
        SameSite = SameSiteMode.Lax,
        Secure = context.Request.IsHttps,
        IsEssential = true,
        MaxAge = maxAge,
    };
}
