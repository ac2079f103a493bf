using MentorFlow.Functions.Api;
using MentorFlow.Functions.Staff;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace MentorFlow.Functions.Pages.Staff;

/// <summary>What the denied page shows.</summary>
/// <param name="SignedInAs">The signed-in role's name.</param>
public sealed record DeniedView(string? SignedInAs);

/// <summary>Where the sign-in cookie sends a person whose role a page is not for (<c>/staff/denied</c>), with 403.</summary>
public sealed class DeniedPage(PageRenderer pages)
{
    /// <summary><c>GET /staff/denied</c>: what a signed-in person may not open, and what to do.</summary>
    [Function("Denied")]
    public async Task<IActionResult> Denied(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "staff/denied")] HttpRequest request, CancellationToken cancellationToken) =>
        (await GetAsync(request, cancellationToken)).AsAction();

    /// <summary>Says the page was for another role, and what to do.</summary>
    public async Task<IResult> GetAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested(); // a browser that left gets nothing rendered
        var context = request.HttpContext;
        // Under the Functions host no middleware reads the cookie first: the page does, to say who is signed in.
        if (context.User.Identity?.IsAuthenticated != true && await context.AuthenticateAsync(StaffAuthentication.SchemeName) is { Succeeded: true } signedIn)
        {
            context.User = signedIn.Principal;
        }

        return await pages.RenderAsync<Denied, DeniedView>(context, "Not for your role", new DeniedView(context.User.Identity?.Name), StatusCodes.Status403Forbidden);
    }
}
