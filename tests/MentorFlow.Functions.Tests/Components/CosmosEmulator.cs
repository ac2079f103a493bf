using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using MentorFlow.Testing;
using Microsoft.Azure.Cosmos;

namespace MentorFlow.Functions.Tests.Components;

/// <summary>A client for the Cosmos DB server the tests run against.</summary>
internal static class CosmosEmulator
{
    // The emulator accepts any key; this is the public Cosmos DB emulator key.
    private const string Key = "C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==";

    /// <summary>A client that trusts exactly the emulator's own certificate, not any certificate.</summary>
    public static async Task<CosmosClient> ConnectAsync()
    {
        var endpoint = new Uri(RealComponents.Cosmos.Setting);
        await RealComponents.Cosmos.EnsureListeningAsync(endpoint);
        var emulatorCertificate = X509Certificate2.CreateFromPem(File.ReadAllText(RealComponents.CosmosCertificatePath));
        return new CosmosClient(endpoint.ToString(), Key, new CosmosClientOptions
        {
            ConnectionMode = ConnectionMode.Gateway,
            LimitToEndpoint = true,
            UseSystemTextJsonSerializerWithOptions = new JsonSerializerOptions(JsonSerializerDefaults.Web),
            HttpClientFactory = () => new HttpClient(new HttpClientHandler
            {
                ServerCertificateCustomValidationCallback = (_, certificate, _, _) =>
                    certificate is not null && certificate.RawData.AsSpan().SequenceEqual(emulatorCertificate.RawData),
            }),
        });
    }
}
