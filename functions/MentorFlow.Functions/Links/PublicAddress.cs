using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace MentorFlow.Functions.Links;

/// <summary>
/// Where people reach the app, for the links in emails: <c>MentorFlow:PublicUrl</c> when set; in Azure the app's own host
/// name (<c>WEBSITE_HOSTNAME</c>, over HTTPS); otherwise the address the server actually listens on.
/// </summary>
public sealed class PublicAddress(IConfiguration configuration, IServiceProvider services)
{
    /// <summary>The setting naming the address people use (a proxy's or a custom domain's).</summary>
    public const string Setting = "MentorFlow:PublicUrl";

    private Uri? _resolved;

    /// <summary>Stops start-up when <see cref="Setting"/> is set but is not a web address (links and the form-origin check read it).</summary>
    public static void Check(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        _ = Configured(configuration);
    }

    /// <summary>The base address, ending in <c>/</c>.</summary>
    public Uri Base => _resolved ??= Resolve();

    private static Uri? Configured(IConfiguration configuration) =>
        configuration[Setting] is not { Length: > 0 } configured ? null
        : Uri.TryCreate(configured.TrimEnd('/') + "/", UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp)
            ? url
            : throw new InvalidOperationException($"{Setting} is '{configured}', not a web address; set it like https://mentoring.district.example.");

    private Uri Resolve()
    {
        if (Configured(configuration) is { } configured)
        {
            return configured;
        }

        if (Environment.GetEnvironmentVariable("WEBSITE_HOSTNAME") is { Length: > 0 } host)
        {
            return new Uri($"https://{host}/");
        }

        // The engine may send the first emails while the server is still starting: wait for it to listen (bounded).
        services.GetService<IHostApplicationLifetime>()?.ApplicationStarted.WaitHandle.WaitOne(TimeSpan.FromSeconds(60));
        var listening = services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        return listening is null
            ? throw new InvalidOperationException($"The app is not listening yet, so links have no address; set {Setting} to the address people use.")
            : new Uri(Reachable(listening).TrimEnd('/') + "/");
    }

    // A wildcard address (all interfaces) is reached as localhost on this machine.
    private static string Reachable(string address) =>
        address.Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal).Replace("://[::]", "://localhost", StringComparison.Ordinal)
            .Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal);
}
