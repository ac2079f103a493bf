namespace MentorFlow.Functions.Pages;

/// <summary>The home page (<c>/</c>).</summary>
public sealed class HomePage(PageRenderer pages)
{
    /// <summary>Shows the home page.</summary>
    public Task<IResult> GetAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested(); // a browser that left gets nothing rendered
        return pages.RenderAsync<Home, object?>(request.HttpContext, "Home", null);
    }
}
