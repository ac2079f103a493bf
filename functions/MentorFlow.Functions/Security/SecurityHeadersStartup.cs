using MentorFlow.Functions.Security;

[assembly: HostingStartup(typeof(SecurityHeadersStartup))]

namespace MentorFlow.Functions.Security;

/// <summary>
/// Puts <see cref="SecurityHeaders"/> first in the app's pipeline, whoever builds the app (the main command, a test
/// host): the web host runs the hosting startups of the application's own assembly, and a startup filter wraps the
/// whole pipeline, so no response leaves without the headers.
/// </summary>
public sealed class SecurityHeadersStartup : IHostingStartup
{
    /// <summary>Registers the startup filter that adds the middleware.</summary>
    public void Configure(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter>(new FirstInPipeline()));
    }

    private sealed class FirstInPipeline : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.UseMiddleware<SecurityHeaders>();
            next(app);
        };
    }
}
