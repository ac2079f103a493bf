using MentorFlow.Functions.Api;
using MentorFlow.Functions.Staff;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace MentorFlow.Functions.Pages.Staff;

/// <summary>
/// Staff sign out (<c>POST /staff/sign-out</c>, the button every staff page shows): the sign-in cookie is cleared and the
/// person is back on the home page; behind App Service authentication the platform's own sign-out ends the Entra session.
/// </summary>
public sealed class SignOutPage(IAntiforgery antiforgery, IConfiguration configuration)
{
    /// <summary>Where App Service authentication signs a person out, then sends them home.</summary>
    public const string AppServiceSignOut = "/.auth/logout?post_logout_redirect_uri=/";

    /// <summary><c>POST /staff/sign-out</c>: signs out.</summary>
    [Function("SignOut")]
    public async Task<IActionResult> SignOut(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "staff/sign-out")] HttpRequest request, CancellationToken cancellationToken) =>
        (await PostAsync(request, cancellationToken)).AsAction();

    /// <summary>Clears the sign-in cookie (after the form's antiforgery token is checked) and sends the person home.</summary>
    public async Task<IResult> PostAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        var context = request.HttpContext;
        var authenticated = await context.AuthenticateAsync(StaffAuthentication.SchemeName);
        if (authenticated.Succeeded)
        {
            // The token was made for the signed-in person, so it is checked as them.
            context.User = authenticated.Principal;
            if (!await antiforgery.IsRequestValidAsync(context))
            {
                return TypedResults.BadRequest();
            }
        }

        // A session that already ended has nothing left to end but a stale cookie: cleared all the same.
        await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        var byAppService = configuration.GetValue<bool>("MentorFlow:Staff:TrustAppServicePrincipal") && request.Headers.ContainsKey("X-MS-CLIENT-PRINCIPAL");
        return TypedResults.Redirect(byAppService ? AppServiceSignOut : "/");
    }
}
