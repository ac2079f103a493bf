using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace MentorFlow.Functions.Security;

/// <summary>
/// Behind a proxy that ends HTTPS (the Azure App Service front end, a district's reverse proxy), the scheme and client
/// address the proxy forwards (<c>X-Forwarded-Proto</c>, <c>X-Forwarded-For</c>) when <c>MentorFlow:ForwardedHeaders:Enabled</c>
/// is true, taken only from the proxies named in <c>KnownProxies</c> (addresses) and <c>KnownNetworks</c> (CIDR ranges),
/// loopback when none are named. Anyone else could claim HTTPS with a header, so anyone else is not believed.
/// </summary>
public static class ForwardedProxies
{
    /// <summary>The configuration section.</summary>
    public const string Section = "MentorFlow:ForwardedHeaders";

    /// <summary>The options of the forwarded-headers step, or null when the app is not behind a proxy.</summary>
    public static ForwardedHeadersOptions? FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(Section);
        if (!section.GetValue<bool>("Enabled"))
        {
            return null;
        }

        var options = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
        var proxies = section.GetSection("KnownProxies").GetChildren().Select(p => p.Value).OfType<string>().ToList();
        var networks = section.GetSection("KnownNetworks").GetChildren().Select(n => n.Value).OfType<string>().ToList();
        if (proxies.Count + networks.Count > 0)
        {
            // Named proxies replace the loopback defaults rather than adding to them.
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
        }

        foreach (var proxy in proxies)
        {
            options.KnownProxies.Add(IPAddress.TryParse(proxy, out var address)
                ? address
                : throw new InvalidOperationException($"{Section}:KnownProxies has '{proxy}', not an IP address; write it like 10.0.0.4."));
        }

        foreach (var network in networks)
        {
            options.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(network, out var range)
                ? range
                : throw new InvalidOperationException($"{Section}:KnownNetworks has '{network}', not an address range; write it like 10.0.0.0/24."));
        }

        return options;
    }
}
