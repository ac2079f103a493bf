using MentorFlow.Functions.Api;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace MentorFlow.Functions.Pages;

/// <summary>The home page (<c>/</c>).</summary>
public sealed class HomePage(PageRenderer pages)
{
    /// <summary><c>GET /</c>: the home page (the route takes nothing but the site's root, as an empty route cannot).</summary>
    [Function("Home")]
    public async Task<IActionResult> Home(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "{ignored:maxlength(0)?}")] HttpRequest request, CancellationToken cancellationToken) =>
        (await GetAsync(request, cancellationToken)).AsAction();

    /// <summary>Shows the home page.</summary>
    public Task<IResult> GetAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested(); // a browser that left gets nothing rendered
        return pages.RenderAsync<Home, object?>(request.HttpContext, "Home", null);
    }
}
