using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;

namespace MentorFlow.Functions.Staff;

/// <summary>
/// Checks a staff policy inside a function, where no endpoint metadata exists to do it (the Azure Functions host routes
/// requests to functions, not to ASP.NET Core endpoints): the same check under the Functions host and the server.
/// </summary>
public static class StaffAccess
{
    /// <summary>
    /// Null when the person behind <paramref name="context"/> (a staff key or the sign-in cookie) meets <paramref name="policy"/>;
    /// otherwise what to answer: a challenge (401, or the sign-in page for a browser) or, when signed in, a forbid (403).
    /// </summary>
    public static async Task<IResult?> CheckAsync(HttpContext context, string policy)
    {
        ArgumentNullException.ThrowIfNull(context);
        var authenticated = await context.AuthenticateAsync(StaffAuthentication.SchemeName);
        if (authenticated.Succeeded)
        {
            context.User = authenticated.Principal;
        }

        var authorization = context.RequestServices.GetRequiredService<IAuthorizationService>();
        var decision = await authorization.AuthorizeAsync(context.User, resource: null, policy);
        if (decision.Succeeded)
        {
            return null;
        }

        return authenticated.Succeeded ? TypedResults.Forbid() : TypedResults.Challenge();
    }

    /// <summary>
    /// A staff page's posted form, once <paramref name="policy"/> and the form's antiforgery token are checked; otherwise
    /// (null form) what to answer instead: the policy's refusal, or 400 for a form without a valid token.
    /// </summary>
    public static async Task<(IFormCollection? Form, IResult? Refused)> ReadFormAsync(HttpRequest request, string policy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (await CheckAsync(request.HttpContext, policy) is { } refused)
        {
            return (null, refused);
        }

        var antiforgery = request.HttpContext.RequestServices.GetRequiredService<IAntiforgery>();
        if (!await antiforgery.IsRequestValidAsync(request.HttpContext))
        {
            return (null, TypedResults.BadRequest());
        }

        return (await request.ReadFormAsync(cancellationToken), null);
    }
}
