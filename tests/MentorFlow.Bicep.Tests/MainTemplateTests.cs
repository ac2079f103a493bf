using System.Text.Json.Nodes;
using MentorFlow.Testing;

namespace MentorFlow.Bicep.Tests;

public sealed class MainTemplateTests(CompiledTemplate compiled) : IClassFixture<CompiledTemplate>, IDisposable
{
    private const string Identity = "Microsoft.ManagedIdentity/userAssignedIdentities";

    // The built-in roles the app's identity needs, by role definition GUID, and the resource type each is granted on.
    private static readonly Dictionary<string, string> ExpectedRoles = new()
    {
        ["b7e6dc6d-f1e8-4753-8033-0f276bb0955b"] = "Microsoft.Storage/storageAccounts", // Storage Blob Data Owner
        ["974c5e8b-45b9-4653-ba55-5f855dd0fb88"] = "Microsoft.Storage/storageAccounts", // Storage Queue Data Contributor
        ["0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3"] = "Microsoft.Storage/storageAccounts", // Storage Table Data Contributor
        ["4633458b-17de-408a-b874-0445c86b69e6"] = "Microsoft.KeyVault/vaults", // Key Vault Secrets User
        ["3913510d-42f4-4e42-8a64-420c390055eb"] = "Microsoft.Insights/components", // Monitoring Metrics Publisher
    };

    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("mentorflow-bicep-");

    private ArmTemplate Template => compiled.Template;

    [Fact]
    public void Main_bicep_builds_with_no_diagnostic()
    {
        Assert.True(compiled.Build.ExitCode == 0, $"bicep build failed:\n{compiled.Build.Output}");
        Assert.True(compiled.Build.Diagnostics.Count == 0, $"bicep build reported:\n{string.Join('\n', compiled.Build.Diagnostics)}");
    }

    [Fact]
    public void Main_bicep_lints_with_no_diagnostic()
    {
        Assert.True(compiled.Lint.ExitCode == 0, $"bicep lint failed:\n{compiled.Lint.Output}");
        Assert.True(compiled.Lint.Diagnostics.Count == 0, $"bicep lint reported:\n{string.Join('\n', compiled.Lint.Diagnostics)}");
    }

    [Fact]
    public void Main_bicepparam_builds_with_no_diagnostic_and_sets_every_required_parameter()
    {
        Assert.True(compiled.BuildParams.ExitCode == 0, $"bicep build-params failed:\n{compiled.BuildParams.Output}");
        Assert.True(compiled.BuildParams.Diagnostics.Count == 0, $"bicep build-params reported:\n{string.Join('\n', compiled.BuildParams.Diagnostics)}");

        var values = compiled.Parameters.Root["parameters"]!.AsObject();
        var required = Template.Root["parameters"]!.AsObject().Where(p => p.Value!["defaultValue"] is null).Select(p => p.Key).ToList();
        Assert.All(required, name => Assert.True(values.ContainsKey(name), $"main.bicepparam does not set {name}"));
        Assert.Equal(CompiledTemplate.DeployEnvironment["MENTORFLOW_ENTRA_CLIENT_ID"], values["entraClientId"]!["value"]!.GetValue<string>());
        Assert.Equal(CompiledTemplate.DeployEnvironment["MENTORFLOW_LINK_KEY"], values["linkSigningKey"]!["value"]!.GetValue<string>());
        var district = Assert.Single(values["districts"]!["value"]!.AsArray())!;
        Assert.All(new[] { "id", "name", "programYearStart", "coordinatorEmail" }, key => Assert.NotNull(district[key]));
    }

    [Fact]
    public async Task Main_bicepparam_does_not_build_without_the_secrets_in_the_environment()
    {
        // Secrets never sit in the param file: without them the deployment stops before it starts.
        var result = await BicepCli.BuildParamsAsync(RepositoryRoot.Combine("bicep", "main.bicepparam"), Path.Combine(_work.FullName, "p.json"),
            new Dictionary<string, string> { ["MENTORFLOW_ENTRA_CLIENT_ID"] = CompiledTemplate.DeployEnvironment["MENTORFLOW_ENTRA_CLIENT_ID"] });

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(result.Diagnostics, line => line.Contains("MENTORFLOW_LINK_KEY", StringComparison.Ordinal));
        Assert.Contains(result.Diagnostics, line => line.Contains("MENTORFLOW_SMTP_PASSWORD", StringComparison.Ordinal));
    }

    [Fact]
    public void The_template_creates_every_resource_the_app_needs()
    {
        var types = Template.Resources().Select(r => r.Resource.Str("type")).ToHashSet(StringComparer.OrdinalIgnoreCase);

        Assert.All(new[]
        {
            Identity,
            "Microsoft.Web/serverfarms", "Microsoft.Web/sites", "Microsoft.Web/sites/config", "Microsoft.Web/sites/basicPublishingCredentialsPolicies",
            "Microsoft.Storage/storageAccounts", "Microsoft.Storage/storageAccounts/blobServices", "Microsoft.Storage/storageAccounts/blobServices/containers",
            "Microsoft.DocumentDB/databaseAccounts", "Microsoft.DocumentDB/databaseAccounts/sqlDatabases",
            "Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers", "Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments",
            "Microsoft.KeyVault/vaults", "Microsoft.KeyVault/vaults/secrets",
            "Microsoft.OperationalInsights/workspaces", "Microsoft.Insights/components",
            "Microsoft.Authorization/roleAssignments",
        }, type => Assert.True(types.Contains(type), $"no {type} in the template"));
        Assert.Single(Template.OfType(Identity));
        Assert.Single(Template.OfType("Microsoft.Web/sites"));
        Assert.DoesNotContain(Template.Parameters(), p => p.Key == "location" && p.Value!["defaultValue"]?.ToString() != "[resourceGroup().location]");
    }

    [Fact]
    public void The_app_runs_dotnet_isolated_10_on_a_flex_consumption_plan_with_its_package_in_blob_storage_by_identity()
    {
        var plan = Template.Single("Microsoft.Web/serverfarms");
        Assert.Equal("FC1", plan["sku"].Str("name"));
        Assert.Equal("FlexConsumption", plan["sku"].Str("tier"));
        Assert.True(plan["properties"].Bool("reserved"), "a Flex Consumption plan is Linux (reserved: true)");

        var site = Template.Single("Microsoft.Web/sites");
        Assert.Equal("functionapp,linux", site.Str("kind"));
        var identityId = IdentityResourceId();
        Assert.Equal("UserAssigned", site["identity"].Str("type"));
        Assert.Equal($"[format('{{0}}', {identityId[1..^1]})]", Assert.Single(site["identity"]!["userAssignedIdentities"]!.AsObject()).Key);
        Assert.Equal(identityId, site["properties"].Str("keyVaultReferenceIdentity"));

        var config = site["properties"]!["functionAppConfig"]!;
        Assert.Equal("dotnet-isolated", config["runtime"].Str("name"));
        Assert.Equal("10.0", config["runtime"].Str("version"));
        Assert.Equal("[parameters('instanceMemoryMB')]", config["scaleAndConcurrency"].Str("instanceMemoryMB"));
        Assert.Equal("[parameters('maximumInstanceCount')]", config["scaleAndConcurrency"].Str("maximumInstanceCount"));
        var storage = config["deployment"]!["storage"]!;
        Assert.Equal("blobContainer", storage.Str("type"));
        Assert.Contains("primaryEndpoints.blob", storage.Str("value"), StringComparison.Ordinal);
        Assert.Contains("variables('deploymentContainerName')", storage.Str("value"), StringComparison.Ordinal);
        Assert.Equal("UserAssignedIdentity", storage["authentication"].Str("type"));
        Assert.Equal(identityId, storage["authentication"].Str("userAssignedIdentityResourceId"));
        Assert.Contains(Template.OfType("Microsoft.Storage/storageAccounts/blobServices/containers"),
            c => LastNameSegment(c) == Template.PlainVariable("deploymentContainerName"));
    }

    [Fact]
    public void The_real_template_passes_every_security_check()
    {
        var findings = TemplateChecks.Findings(Template);

        Assert.True(findings.Count == 0, string.Join('\n', findings));
    }

    [Fact]
    public void Https_tls_and_publishing_settings_are_locked_down()
    {
        var site = Template.Single("Microsoft.Web/sites")["properties"]!;
        Assert.True(site.Bool("httpsOnly"));
        Assert.Equal("1.2", site["siteConfig"].Str("minTlsVersion"));
        Assert.Equal("1.2", site["siteConfig"].Str("scmMinTlsVersion"));
        Assert.Equal("Disabled", site["siteConfig"].Str("ftpsState"));
        var policies = Template.OfType("Microsoft.Web/sites/basicPublishingCredentialsPolicies").ToList();
        Assert.Equal(["ftp", "scm"], policies.Select(LastNameSegment).Order());
        Assert.All(policies, p => Assert.False(p["properties"].Bool("allow")));

        var storage = Template.Single("Microsoft.Storage/storageAccounts")["properties"]!;
        Assert.Equal("TLS1_2", storage.Str("minimumTlsVersion"));
        Assert.True(storage.Bool("supportsHttpsTrafficOnly"));
        Assert.False(storage.Bool("allowSharedKeyAccess"));
        Assert.False(storage.Bool("allowBlobPublicAccess"));
        var blob = Template.Single("Microsoft.Storage/storageAccounts/blobServices")["properties"]!;
        Assert.True(blob["deleteRetentionPolicy"].Bool("enabled"));
        Assert.True(blob["containerDeleteRetentionPolicy"].Bool("enabled"));
        Assert.Equal(["app-package", "keyring", "reports"], Template.OfType("Microsoft.Storage/storageAccounts/blobServices/containers").Select(LastNameSegment).Order());

        var cosmos = Template.Single("Microsoft.DocumentDB/databaseAccounts")["properties"]!;
        Assert.True(cosmos.Bool("disableLocalAuth"));
        Assert.Equal("Tls12", cosmos.Str("minimalTlsVersion"));
        Assert.Contains(cosmos["capabilities"]!.AsArray(), c => c.Str("name") == "EnableServerless");

        var vault = Template.Single("Microsoft.KeyVault/vaults")["properties"]!;
        Assert.True(vault.Bool("enableRbacAuthorization"));
        Assert.True(vault.Bool("enablePurgeProtection"));
        Assert.True(vault.Bool("enableSoftDelete"));
        Assert.Equal(["link-signing-key", "smtp-password"], Template.OfType("Microsoft.KeyVault/vaults/secrets").Select(LastNameSegment).Order());
        Assert.All(new[] { "linkSigningKey", "smtpPassword" }, name => Assert.Equal("securestring", Template.Parameters()[name]!.Str("type")));

        var insights = Template.Single("Microsoft.Insights/components")["properties"]!;
        Assert.True(insights.Bool("DisableLocalAuth"));
        Assert.Contains("Microsoft.OperationalInsights/workspaces", insights.Str("WorkspaceResourceId"), StringComparison.Ordinal);
    }

    [Fact]
    public void Cosmos_db_has_the_database_containers_and_partition_keys_the_code_uses()
    {
        Assert.Equal("mentorflow", LastNameSegment(Template.Single("Microsoft.DocumentDB/databaseAccounts/sqlDatabases")));
        var containers = Template.Single("Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers");
        Assert.Equal("[length(variables('cosmosContainers'))]", containers["copy"].Str("count"));
        Assert.Equal("[variables('cosmosContainers')[copyIndex()].partitionKey]", containers["properties"]!["resource"]!["partitionKey"]!["paths"]![0]!.GetValue<string>());
        var declared = Template.Root["variables"]!["cosmosContainers"]!.AsArray()
            .ToDictionary(c => Resolve(c.Str("name")!), c => c.Str("partitionKey"));

        // The containers and partition keys CosmosRecords and CosmosReportDocumentWriter create (and only read here).
        Assert.Equal(new Dictionary<string, string?> { ["records"] = "/districtId", ["lookups"] = "/id", ["sentMessages"] = "/ledger", ["reports"] = "/programYear" }, declared);
    }

    [Fact]
    public void Each_role_assignment_gives_the_identity_one_built_in_role_on_one_resource_under_a_deterministic_name()
    {
        var assignments = Template.OfType("Microsoft.Authorization/roleAssignments").ToList();
        var identityId = IdentityResourceId()[1..^1];

        Assert.Equal(ExpectedRoles.Keys.Order(), assignments.Select(a => RoleGuid(a["properties"].Str("roleDefinitionId")!)).Order());
        Assert.All(assignments, assignment =>
        {
            var properties = assignment["properties"]!;
            var roleDefinitionId = properties.Str("roleDefinitionId")!;
            var scope = assignment.Str("scope")!;
            Assert.Equal($"[subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '{RoleGuid(roleDefinitionId)}')]", roleDefinitionId);
            Assert.StartsWith($"[resourceId('{ExpectedRoles[RoleGuid(roleDefinitionId)]}'", scope, StringComparison.Ordinal);
            Assert.Equal($"[reference('{IdentitySymbol()}').principalId]", properties.Str("principalId"));
            Assert.Equal("ServicePrincipal", properties.Str("principalType"));
            // guid(scope, identity, role): the same inputs give the same name, so a redeployment changes nothing.
            Assert.Equal($"[guid({scope[1..^1]}, {identityId}, {roleDefinitionId[1..^1]})]", assignment.Str("name"));
        });

        var cosmosRole = Template.Single("Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments");
        var cosmosProperties = cosmosRole["properties"]!;
        var cosmosRoleId = cosmosProperties.Str("roleDefinitionId")!;
        var cosmosScope = cosmosProperties.Str("scope")!;
        Assert.Equal("[resourceId('Microsoft.DocumentDB/databaseAccounts/sqlRoleDefinitions', variables('cosmosAccountName'), '00000000-0000-0000-0000-000000000002')]", cosmosRoleId);
        Assert.Equal("[resourceId('Microsoft.DocumentDB/databaseAccounts', variables('cosmosAccountName'))]", cosmosScope);
        Assert.Equal($"[reference('{IdentitySymbol()}').principalId]", cosmosProperties.Str("principalId"));
        Assert.Equal($"[format('{{0}}/{{1}}', variables('cosmosAccountName'), guid({cosmosScope[1..^1]}, {identityId}, {cosmosRoleId[1..^1]}))]", cosmosRole.Str("name"));
    }

    [Fact]
    public void App_service_authentication_requires_entra_sign_in_except_on_the_emailed_forms_and_the_health_check()
    {
        var auth = Assert.Single(Template.OfType("Microsoft.Web/sites/config"), c => LastNameSegment(c) == "authsettingsV2")["properties"]!;

        Assert.True(auth["platform"].Bool("enabled"));
        var validation = auth["globalValidation"]!;
        Assert.True(validation.Bool("requireAuthentication"));
        Assert.Equal("RedirectToLoginPage", validation.Str("unauthenticatedClientAction"));
        Assert.Equal(["/healthz", "/s/*"], validation["excludedPaths"]!.AsArray().Select(p => p!.GetValue<string>()).Order());
        Assert.True(auth["httpSettings"].Bool("requireHttps"));
        var entra = auth["identityProviders"]!["azureActiveDirectory"]!;
        Assert.True(entra.Bool("enabled"));
        Assert.Equal("[parameters('entraClientId')]", entra["registration"].Str("clientId"));
        Assert.Contains("parameters('entraTenantId')", entra["registration"].Str("openIdIssuer"), StringComparison.Ordinal);
        Assert.Contains("/v2.0", entra["registration"].Str("openIdIssuer"), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_app_setting_the_functions_app_reads_in_azure_is_set()
    {
        // The list is held here (from the README configuration table's "in Azure" column): that table also lists settings
        // Azure leaves at their defaults (schedule, step days), so it cannot be read mechanically.
        var identity = $"[reference('{IdentitySymbol()}').clientId]";
        string KeyVaultReference(string secret) =>
            $"[format('@Microsoft.KeyVault(SecretUri={{0}})', reference('{Template.Resources().Single(r => LastNameSegment(r.Resource) == secret).Symbol}').secretUri)]";
        var expected = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage__accountName"] = "[variables('storageAccountName')]",
            ["AzureWebJobsStorage__credential"] = "managedidentity",
            ["AzureWebJobsStorage__clientId"] = identity,
            ["AZURE_CLIENT_ID"] = identity,
            ["APPLICATIONINSIGHTS_CONNECTION_STRING"] = $"[reference('{Template.SymbolOf("Microsoft.Insights/components")}').ConnectionString]",
            ["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"] = $"[format('Authorization=AAD;ClientId={{0}}', {identity[1..^1]})]",
            ["AzureWebJobsDisableHomepage"] = "true",
            ["MentorFlow__Folders__Root"] = "/tmp/mentorflow",
            ["MentorFlow__Records__Backend"] = "Cosmos",
            ["MentorFlow__Records__Cosmos__Endpoint"] = $"[reference('{Template.SymbolOf("Microsoft.DocumentDB/databaseAccounts")}').documentEndpoint]",
            ["MentorFlow__Records__Cosmos__ClientId"] = identity,
            ["MentorFlow__Records__Cosmos__Database"] = "mentorflow",
            ["MentorFlow__Reports__Files__Backend"] = "Blob",
            ["MentorFlow__Reports__Files__Blob__ServiceUri"] = $"[reference('{Template.SymbolOf("Microsoft.Storage/storageAccounts")}').primaryEndpoints.blob]",
            ["MentorFlow__Reports__Files__Blob__ClientId"] = identity,
            ["MentorFlow__Reports__Files__Blob__Container"] = "reports",
            ["MentorFlow__Reports__Cosmos__Endpoint"] = $"[reference('{Template.SymbolOf("Microsoft.DocumentDB/databaseAccounts")}').documentEndpoint]",
            ["MentorFlow__Reports__Cosmos__ClientId"] = identity,
            ["MentorFlow__Reports__Cosmos__Database"] = "mentorflow",
            ["MentorFlow__Reports__Cosmos__Container"] = "reports",
            ["MentorFlow__Links__Key"] = KeyVaultReference("link-signing-key"),
            ["MentorFlow__Mail__From"] = "[parameters('mailFrom')]",
            ["MentorFlow__Mail__Smtp__Host"] = "[parameters('smtpHost')]",
            ["MentorFlow__Mail__Smtp__Port"] = "[string(parameters('smtpPort'))]",
            ["MentorFlow__Mail__Smtp__User"] = "[parameters('smtpUser')]",
            ["MentorFlow__Mail__Smtp__Password"] = KeyVaultReference("smtp-password"),
            ["MentorFlow__Staff__TrustAppServicePrincipal"] = "true",
            // One of each per district, N from the districts parameter.
            ["MentorFlow__Districts__{0}__Id"] = null,
            ["MentorFlow__Districts__{0}__Name"] = null,
            ["MentorFlow__Districts__{0}__ProgramYearStart"] = null,
            ["MentorFlow__Districts__{0}__CoordinatorEmail"] = null,
        };

        var settings = Template.AppSettings(Template.Single("Microsoft.Web/sites"));

        Assert.Equal(settings.Count, settings.Select(s => s.Name).Distinct().Count());
        Assert.All(expected, pair =>
        {
            var setting = settings.SingleOrDefault(s => s.Name == pair.Key);
            Assert.True(setting is not null, $"app setting {pair.Key} is missing");
            if (pair.Value is not null)
            {
                Assert.Equal(pair.Value, setting.Value);
            }
        });
        Assert.Empty(settings.Select(s => s.Name).Except(expected.Keys));
        Assert.Contains("parameters('districts')", Template.Root["variables"].Str("districtAppSettings"), StringComparison.Ordinal);
    }

    [Fact]
    public void The_outputs_name_what_the_deploy_step_needs_and_no_secret()
    {
        var outputs = Template.Root["outputs"]!.AsObject();

        Assert.All(new[] { "appUrl", "appName", "resourceGroupName", "deploymentContainerName" }, name => Assert.True(outputs.ContainsKey(name), $"no output {name}"));
        Assert.All(outputs, output =>
        {
            Assert.DoesNotContain("secure", output.Value.Str("type") ?? "", StringComparison.OrdinalIgnoreCase);
            var value = output.Value!.ToJsonString();
            Assert.DoesNotContain("linkSigningKey", value, StringComparison.Ordinal);
            Assert.DoesNotContain("smtpPassword", value, StringComparison.Ordinal);
            Assert.DoesNotContain("list", value, StringComparison.OrdinalIgnoreCase);
            Assert.True(output.Value["metadata"].Str("description") is { Length: > 0 }, $"output {output.Key} has no description");
        });
        Assert.All(Template.Parameters(), p => Assert.True(p.Value!["metadata"].Str("description") is { Length: > 0 }, $"parameter {p.Key} has no description"));
    }

    public static TheoryData<string> Tamperings => ["account key in an app setting", "listKeys in an app setting", "public blob access", "shared key access", "cosmos local auth", "ftp publishing", "http allowed"];

    [Theory]
    [MemberData(nameof(Tamperings))]
    public void The_security_checks_find_a_tampered_template(string tampering)
    {
        var copy = Template.Copy();
        var expected = Tamper(copy, tampering);

        var findings = TemplateChecks.Findings(copy);

        Assert.Contains(findings, finding => finding.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_deploy_script_is_valid_bash_that_stops_on_the_first_error()
    {
        var script = RepositoryRoot.Combine("bicep", "deploy.sh");
        var start = new System.Diagnostics.ProcessStartInfo("bash") { RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-n");
        start.ArgumentList.Add(script);

        using var bash = System.Diagnostics.Process.Start(start)!;
        var errors = await bash.StandardError.ReadToEndAsync();
        await bash.WaitForExitAsync();

        Assert.True(bash.ExitCode == 0, $"bash -n bicep/deploy.sh:\n{errors}");
        var text = await File.ReadAllTextAsync(script);
        Assert.Contains("set -euo pipefail", text, StringComparison.Ordinal);
        Assert.Contains("--delete", text, StringComparison.Ordinal);
        Assert.Contains("main.bicepparam", text, StringComparison.Ordinal);
        Assert.Contains("--app-roles", text, StringComparison.Ordinal);
        Assert.Contains("dotnet publish -c Release functions/MentorFlow.Functions -o publish/functions", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_linter_keeps_every_rule_it_had_at_warning_or_stricter()
    {
        // The rules bicepconfig.json had before this template grew; "warnings count", so none may be turned down.
        var rules = JsonNode.Parse(File.ReadAllText(RepositoryRoot.Combine("bicep", "bicepconfig.json")))!["analyzers"]!["core"]!;
        Assert.True(rules.Bool("enabled"));
        Assert.All(new[] { "no-unused-params", "no-unused-vars", "no-hardcoded-location", "secure-secrets-in-params", "outputs-should-not-contain-secrets",
            "no-hardcoded-env-urls", "use-secure-value-for-secure-inputs", "no-unnecessary-dependson", "use-user-defined-types" },
            rule => Assert.Contains(rules["rules"]![rule].Str("level"), new[] { "warning", "error" }));
    }

    [Fact]
    public async Task A_template_with_a_linter_warning_is_caught()
    {
        var bicep = Path.Combine(_work.FullName, "unused.bicep");
        await File.WriteAllTextAsync(bicep, "param neverUsed string\n");

        var build = await BicepCli.BuildAsync(bicep, Path.Combine(_work.FullName, "unused.json"));
        var lint = await BicepCli.LintAsync(bicep);

        Assert.Contains(build.Diagnostics, line => line.Contains("Warning no-unused-params", StringComparison.Ordinal));
        Assert.Contains(lint.Diagnostics, line => line.Contains("Warning no-unused-params", StringComparison.Ordinal));
    }

    public void Dispose() => _work.Delete(recursive: true);

    // Changes the copy one way and returns what the finding about it must say.
    private static string Tamper(ArmTemplate copy, string tampering)
    {
        var site = copy.Single("Microsoft.Web/sites")["properties"]!;
        switch (tampering)
        {
            case "account key in an app setting":
                AddAppSetting(site, "ReportsStorage", "'DefaultEndpointsProtocol=https;AccountName=mfdev;AccountKey=c2VjcmV0;EndpointSuffix=core.windows.net'");
                return "app setting ReportsStorage carries a key (AccountKey=)";
            case "listKeys in an app setting":
                AddAppSetting(site, "CosmosKey", "listKeys(resourceId('Microsoft.DocumentDB/databaseAccounts', variables('cosmosAccountName')), '2024-11-15').primaryMasterKey");
                return "the template calls listKeys()";
            case "public blob access":
                copy.Single("Microsoft.Storage/storageAccounts")["properties"]!["allowBlobPublicAccess"] = true;
                return "allowBlobPublicAccess is not false";
            case "shared key access":
                copy.Single("Microsoft.Storage/storageAccounts")["properties"]!["allowSharedKeyAccess"] = true;
                return "allowSharedKeyAccess is not false";
            case "cosmos local auth":
                copy.Single("Microsoft.DocumentDB/databaseAccounts")["properties"]!["disableLocalAuth"] = false;
                return "cosmos: disableLocalAuth is not true";
            case "ftp publishing":
                site["siteConfig"]!["ftpsState"] = "AllAllowed";
                return "ftpsState is not Disabled";
            case "http allowed":
                site["httpsOnly"] = false;
                return "httpsOnly is not true";
            default:
                throw new ArgumentOutOfRangeException(nameof(tampering), tampering, null);
        }
    }

    // Appends createObject('name', ..., 'value', ...) to the expression that builds siteConfig.appSettings.
    private static void AddAppSetting(JsonNode site, string name, string valueExpression)
    {
        var appSettings = site["siteConfig"]!["appSettings"]!.GetValue<string>();
        site["siteConfig"]!["appSettings"] = $"[concat({appSettings[1..^1]}, createArray(createObject('name', '{name}', 'value', {valueExpression})))]";
    }

    private static string RoleGuid(string roleDefinitionId) => roleDefinitionId.Split('\'')[^2];

    private string IdentitySymbol() => Template.SymbolOf(Identity);

    private string IdentityResourceId() => $"[resourceId('{Identity}', {Template.Single(Identity).Str("name")![1..^1]})]";

    private string Resolve(string text) =>
        ArmExpression.Parse(text.StartsWith('[') ? text : $"['{text.Replace("'", "''", StringComparison.Ordinal)}']") switch
        {
            ArmExpression.Str literal => literal.Value,
            ArmExpression.Call { Name: "variables", Arguments: [ArmExpression.Str name] } => Template.PlainVariable(name.Value) ?? text,
            _ => text,
        };

    // The last segment of a child resource's name: "a/b/reports", or the last argument of format('{0}/{1}', ..., 'reports').
    private string? LastNameSegment(JsonObject resource)
    {
        var name = resource.Str("name")!;
        if (!name.StartsWith('['))
        {
            return name.Split('/')[^1];
        }

        return ArmExpression.Parse(name) switch
        {
            ArmExpression.Call { Name: "format" } call => Resolve($"[{call.Arguments[^1]}]"),
            var other => Resolve($"[{other}]"),
        };
    }
}
