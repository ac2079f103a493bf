namespace MentorFlow.Bicep.Tests;

/// <summary>
/// The security rules every compiled MentorFlow template must keep, as one function over the ARM JSON: run on the real
/// template (no finding expected) and on tampered copies (each tampering must be found).
/// </summary>
internal static class TemplateChecks
{
    // Functions that hand out keys or SAS tokens; a template that calls one is putting a secret somewhere.
    private static readonly string[] KeyFunctions = ["listKeys(", "listConnectionStrings(", "listAccountSas(", "listServiceSas(", "listSecrets("];

    // Fragments of a connection string or token that carries a key.
    private static readonly string[] KeyFragments = ["AccountKey=", "SharedAccessKey=", "SharedAccessSignature=", "sig=", "Password="];

    public static IReadOnlyList<string> Findings(ArmTemplate template)
    {
        var findings = new List<string>();
        var text = template.Root.ToJsonString();
        findings.AddRange(KeyFunctions.Where(f => text.Contains(f, StringComparison.OrdinalIgnoreCase)).Select(f => $"the template calls {f.TrimEnd('(')}()"));

        foreach (var storage in template.OfType("Microsoft.Storage/storageAccounts"))
        {
            var p = storage["properties"];
            Require(findings, p.Bool("allowSharedKeyAccess") == false, "storage: allowSharedKeyAccess is not false (shared-key access must be off)");
            Require(findings, p.Bool("allowBlobPublicAccess") == false, "storage: allowBlobPublicAccess is not false (no public blob access)");
            Require(findings, p.Str("minimumTlsVersion") == "TLS1_2", "storage: minimumTlsVersion is not TLS1_2");
            Require(findings, p.Bool("supportsHttpsTrafficOnly") == true, "storage: supportsHttpsTrafficOnly is not true");
        }

        foreach (var container in template.OfType("Microsoft.Storage/storageAccounts/blobServices/containers"))
        {
            Require(findings, container["properties"].Str("publicAccess") is null or "None", $"storage: container {container.Str("name")} is public");
        }

        foreach (var cosmos in template.OfType("Microsoft.DocumentDB/databaseAccounts"))
        {
            Require(findings, cosmos["properties"].Bool("disableLocalAuth") == true, "cosmos: disableLocalAuth is not true (key auth must be off)");
        }

        foreach (var vault in template.OfType("Microsoft.KeyVault/vaults"))
        {
            var p = vault["properties"];
            Require(findings, p.Bool("enableRbacAuthorization") == true, "key vault: enableRbacAuthorization is not true");
            Require(findings, p.Bool("enablePurgeProtection") == true, "key vault: enablePurgeProtection is not true");
            Require(findings, p.Bool("enableSoftDelete") != false, "key vault: soft delete is off");
        }

        foreach (var insights in template.OfType("Microsoft.Insights/components"))
        {
            Require(findings, insights["properties"].Bool("DisableLocalAuth") == true, "application insights: DisableLocalAuth is not true");
        }

        foreach (var site in template.OfType("Microsoft.Web/sites"))
        {
            var p = site["properties"];
            Require(findings, p.Bool("httpsOnly") == true, "site: httpsOnly is not true");
            Require(findings, p?["siteConfig"].Str("minTlsVersion") is "1.2" or "1.3", "site: minTlsVersion is below 1.2");
            Require(findings, p?["siteConfig"].Str("ftpsState") == "Disabled", "site: ftpsState is not Disabled");
            foreach (var setting in template.AppSettings(site))
            {
                // A Key Vault reference is how a secret gets in; anything else with a key fragment is a secret in plain sight.
                foreach (var fragment in KeyFragments.Where(f => !IsKeyVaultReference(setting.Value) && setting.Value.Contains(f, StringComparison.OrdinalIgnoreCase)))
                {
                    findings.Add($"app setting {setting.Name} carries a key ({fragment})");
                }

                Require(findings, setting.Name != "AzureWebJobsStorage", "app setting AzureWebJobsStorage is a connection string (use __accountName and __credential)");
            }
        }

        foreach (var kind in new[] { "ftp", "scm" })
        {
            var policy = template.OfType("Microsoft.Web/sites/basicPublishingCredentialsPolicies")
                .SingleOrDefault(p => p.Str("name")?.Contains($"'{kind}'", StringComparison.Ordinal) == true || p.Str("name")?.EndsWith($"/{kind}", StringComparison.Ordinal) == true);
            Require(findings, policy?["properties"].Bool("allow") == false, $"site: basic publishing credentials for {kind} are not off");
        }

        return findings;
    }

    private static bool IsKeyVaultReference(string value) =>
        value.StartsWith("@Microsoft.KeyVault(", StringComparison.Ordinal) || value.StartsWith("[format('@Microsoft.KeyVault(", StringComparison.Ordinal);

    private static void Require(List<string> findings, bool ok, string finding)
    {
        if (!ok)
        {
            findings.Add(finding);
        }
    }
}
