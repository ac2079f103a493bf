using MentorFlow.Functions.Pages.Coordinator;
using MentorFlow.Functions.Pages.Staff;
using MentorFlow.Functions.Pages.Steps;

namespace MentorFlow.Functions.Pages;

/// <summary>
/// The pages' services: each page is a class whose HTTP functions take the request and its route values and answer with a
/// rendered component, the same under the Functions host and the server.
/// </summary>
public static class PageServices
{
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
        services.AddScoped<Reports.ReportsPage>();
        services.AddScoped<Hr.PairingImportPage>();
        return services;
    }
}
