using Azure.Core;
using Azure.Identity;

namespace MentorFlow.Functions.Hosting;

/// <summary>The credential every Azure connection uses: the app's managed identity (a user-assigned one when its client id is set).</summary>
public static class ManagedIdentity
{
    /// <summary>
    /// <see cref="DefaultAzureCredential"/> for the user-assigned identity <paramref name="clientId"/> (read from the setting
    /// <paramref name="clientIdSetting"/>), or for the system-assigned identity when it is empty; a client id that is not a
    /// GUID stops start-up naming the setting.
    /// </summary>
    public static TokenCredential Credential(string? clientId, string clientIdSetting)
    {
        var options = new DefaultAzureCredentialOptions();
        if (!string.IsNullOrWhiteSpace(clientId))
        {
            if (!Guid.TryParse(clientId, out _))
            {
                throw new InvalidOperationException(
                    $"{clientIdSetting} is '{clientId}'; set it to the client id (a GUID) of the user-assigned managed identity, or remove it for the system-assigned one.");
            }

            options.ManagedIdentityClientId = clientId;
        }

        return new DefaultAzureCredential(options);
    }
}
