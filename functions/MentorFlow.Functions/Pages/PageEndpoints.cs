using MentorFlow.Functions.Pages;
using MentorFlow.Functions.Pages.Coordinator;
using MentorFlow.Functions.Pages.Staff;
using MentorFlow.Functions.Pages.Steps;

// The app's root namespace, so every host (the server's MentorFlowApp, the Functions program) finds these without a using.
namespace MentorFlow.Functions;

/// <summary>
/// The pages' services and routes: each page is a handler class whose methods take the request and its route values and
/// answer with a rendered component, so another host (Azure Functions) can call the same methods.
/// </summary>
public static class PageEndpoints
{
    private static readonly string[] GetAndHead = [HttpMethods.Get, HttpMethods.Head];

    /// <summary>Adds the page renderer, the notice kept across a redirect, antiforgery, and every page's handler.</summary>
    public static IServiceCollection AddMentorFlowPages(this IServiceCollection services)
    {
        services.AddAntiforgery();
        services.AddSingleton<PageRenderer>();
        services.AddSingleton<PageNotice>();
        services.AddScoped<HomePage>();
        services.AddScoped<SignInPage>();
        services.AddScoped<DeniedPage>();
        services.AddScoped<DashboardPage>();
        services.AddScoped<PairingPage>();
        services.AddScoped<StepFormPage>();
        return services;
    }

    /// <summary>Maps each page's paths and methods to its handler; each handler checks its own access and antiforgery token.</summary>
    public static IEndpointRouteBuilder MapMentorFlowPages(this IEndpointRouteBuilder routes)
    {
        routes.MapMethods("/", GetAndHead, (HttpRequest request, HomePage page, CancellationToken cancellationToken) => page.GetAsync(request, cancellationToken));
        routes.MapMethods("/Index", GetAndHead, (HttpRequest request, HomePage page, CancellationToken cancellationToken) => page.GetAsync(request, cancellationToken));
        routes.MapMethods("/staff/sign-in", GetAndHead, (HttpRequest request, SignInPage page, CancellationToken cancellationToken) => page.GetAsync(request, cancellationToken));
        routes.MapPost("/staff/sign-in", (HttpRequest request, SignInPage page, CancellationToken cancellationToken) => page.PostAsync(request, cancellationToken));
        routes.MapMethods("/staff/denied", GetAndHead, (HttpRequest request, DeniedPage page, CancellationToken cancellationToken) => page.GetAsync(request, cancellationToken));
        routes.MapMethods("/coordinator", GetAndHead, (HttpRequest request, DashboardPage page, CancellationToken cancellationToken) => page.GetAsync(request, cancellationToken));
        routes.MapPost("/coordinator", (HttpRequest request, DashboardPage page, CancellationToken cancellationToken) => page.PostAsync(request, cancellationToken));
        routes.MapMethods("/coordinator/pairings/{pairingId}", GetAndHead,
            (HttpRequest request, string pairingId, PairingPage page, CancellationToken cancellationToken) => page.GetAsync(request, pairingId, cancellationToken));
        routes.MapMethods("/s/{token}", GetAndHead,
            (HttpRequest request, string token, StepFormPage page, CancellationToken cancellationToken) => page.GetAsync(request, token, cancellationToken));
        routes.MapPost("/s/{token}",
            (HttpRequest request, string token, StepFormPage page, CancellationToken cancellationToken) => page.PostAsync(request, token, cancellationToken));
        return routes;
    }
}
