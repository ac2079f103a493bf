using System.Net.Sockets;

namespace MentorFlow.Testing;

/// <summary>
/// A real component a test runs against (an emulator, a browser), found through an environment
/// variable that <c>./test.sh</c> sets after starting it. When it is missing or not answering, the
/// test fails with a message naming the component and how to start it.
/// </summary>
/// <param name="Name">What the component is, as a person would name it.</param>
/// <param name="EnvironmentVariable">The variable that carries its endpoint or path.</param>
/// <param name="HowToStart">How to start it by hand, for someone running tests without <c>./test.sh</c>.</param>
public sealed record RealComponent(string Name, string EnvironmentVariable, string HowToStart)
{
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(5);

    /// <summary>The variable's value; fails the test when it is not set.</summary>
    public string Setting =>
        Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } value
            ? value
            : throw Missing($"{EnvironmentVariable} is not set");

    /// <summary>Fails the test unless something accepts TCP connections at <paramref name="endpoint"/>.</summary>
    public async Task EnsureListeningAsync(Uri endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        using var client = new TcpClient();
        using var timeout = new CancellationTokenSource(ConnectTimeout);
        try
        {
            await client.ConnectAsync(endpoint.Host, endpoint.Port, timeout.Token);
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException)
        {
            throw Missing($"nothing answers at {endpoint.Host}:{endpoint.Port} ({ex.Message})");
        }
    }

    /// <summary>The failure a test reports when this component is not there.</summary>
    public Exception Missing(string why) =>
        new Xunit.Sdk.XunitException(
            $"{Name} is not available: {why}. Run the tests with ./test.sh, which installs and starts it, " +
            $"or start it yourself: {HowToStart}");
}
