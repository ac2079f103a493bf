// MentorFlow's Azure infrastructure, secure by default: a Functions app on the Flex Consumption plan, its storage
// account (Functions host, Durable task hub, report files, deployment package), Cosmos DB (serverless), Key Vault,
// Application Insights on Log Analytics, one user-assigned identity holding exactly the roles the app needs, and
// App Service authentication with Microsoft Entra ID in front of the staff pages and APIs.
// Every connection is by identity: no account key, connection string with a key or listKeys() anywhere.
targetScope = 'resourceGroup'

// ---------------------------------------------------------------------------------------------------------------
// Parameters
// ---------------------------------------------------------------------------------------------------------------

@description('Short environment name used in resource names (lowercase letters and digits), e.g. dev, test or prod.')
@minLength(2)
@maxLength(8)
param environmentName string = 'dev'

@description('Azure region for every resource; defaults to the resource group\'s region.')
param location string = resourceGroup().location

@description('Tags applied to every resource.')
param tags { *: string } = {
  application: 'MentorFlow'
  environment: environmentName
}

@description('Memory of each Flex Consumption instance, in MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('Most instances the Flex Consumption plan scales out to (a cost ceiling).')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Application (client) id of the Microsoft Entra app registration that signs staff in (deploy.sh creates it).')
@minLength(36)
@maxLength(36)
param entraClientId string

@description('Microsoft Entra tenant that signs staff in; defaults to the subscription\'s tenant.')
param entraTenantId string = subscription().tenantId

@description('The key that signs emailed links: 32 random bytes in base64 (openssl rand -base64 32). Keep it: a new key voids every link already sent.')
@secure()
@minLength(44)
param linkSigningKey string

@description('Password of the SMTP relay account.')
@secure()
@minLength(1)
param smtpPassword string

@description('Sender of every message, e.g. "MentorFlow <mentorflow@district.example>".')
param mailFrom string

@description('Host name of the district\'s SMTP relay.')
param smtpHost string

@description('Port of the SMTP relay (587 for STARTTLS, 465 for TLS).')
param smtpPort int = 587

@description('User name of the SMTP relay account.')
param smtpUser string

@description('The districts this deployment serves; each becomes MentorFlow__Districts__N__Id, __Name, __ProgramYearStart and __CoordinatorEmail.')
@minLength(1)
param districts districtSettings[]

@description('Days Log Analytics keeps logs and telemetry.')
@minValue(30)
@maxValue(730)
param logRetentionInDays int = 30

@description('Daily cap on Log Analytics ingestion, in GB (-1 for none); bounds the monitoring bill.')
param logDailyQuotaGb int = 1

// ---------------------------------------------------------------------------------------------------------------
// Types and names
// ---------------------------------------------------------------------------------------------------------------

@description('One district as the Functions app reads it (MentorFlow:Districts:N).')
type districtSettings = {
  @description('Stable id of the district, e.g. springfield.')
  id: string
  @description('Display name of the district.')
  name: string
  @description('Calendar year in which the district\'s program year starts, e.g. 2026.')
  programYearStart: int
  @description('Email address of the district\'s program coordinator.')
  coordinatorEmail: string
}

var token = uniqueString(resourceGroup().id)
var storageAccountName = toLower('mf${environmentName}${token}')
var keyVaultName = toLower('kvmf${environmentName}${take(token, 12)}')
var cosmosAccountName = toLower('cosmos-mentorflow-${environmentName}-${token}')
var functionAppName = toLower('func-mentorflow-${environmentName}-${token}')
var databaseName = 'mentorflow'
var reportsContainerName = 'reports'
var deploymentContainerName = 'app-package'

// ---------------------------------------------------------------------------------------------------------------
// The app's identity and the built-in roles it is given
// ---------------------------------------------------------------------------------------------------------------

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-mentorflow-${environmentName}'
  location: location
  tags: tags
}

resource storageBlobDataOwner 'Microsoft.Authorization/roleDefinitions@2022-04-01' existing = {
  scope: subscription()
  name: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
}

resource storageQueueDataContributor 'Microsoft.Authorization/roleDefinitions@2022-04-01' existing = {
  scope: subscription()
  name: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
}

resource storageTableDataContributor 'Microsoft.Authorization/roleDefinitions@2022-04-01' existing = {
  scope: subscription()
  name: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
}

resource keyVaultSecretsUser 'Microsoft.Authorization/roleDefinitions@2022-04-01' existing = {
  scope: subscription()
  name: '4633458b-17de-408a-b874-0445c86b69e6'
}

resource monitoringMetricsPublisher 'Microsoft.Authorization/roleDefinitions@2022-04-01' existing = {
  scope: subscription()
  name: '3913510d-42f4-4e42-8a64-420c390055eb'
}

// ---------------------------------------------------------------------------------------------------------------
// Storage: the Functions host, the Durable task hub (tables and queues), report files, the deployment package
// ---------------------------------------------------------------------------------------------------------------

resource storage 'Microsoft.Storage/storageAccounts@2024-01-01' = {
  name: storageAccountName
  location: location
  tags: tags
  sku: {
    name: 'Standard_LRS'
  }
  kind: 'StorageV2'
  properties: {
    accessTier: 'Hot'
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    allowCrossTenantReplication: false
    publicNetworkAccess: 'Enabled'
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2024-01-01' = {
  parent: storage
  name: 'default'
  properties: {
    deleteRetentionPolicy: {
      enabled: true
      days: 7
    }
    containerDeleteRetentionPolicy: {
      enabled: true
      days: 7
    }
  }
}

resource reportsContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2024-01-01' = {
  parent: blobService
  name: reportsContainerName
  properties: {
    publicAccess: 'None'
  }
}

// The data-protection key ring (form tokens, sign-in cookies) every instance shares; the app names it `keyring`.
resource keyRingContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2024-01-01' = {
  parent: blobService
  name: 'keyring'
  properties: {
    publicAccess: 'None'
  }
}

resource deploymentContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2024-01-01' = {
  parent: blobService
  name: deploymentContainerName
  properties: {
    publicAccess: 'None'
  }
}

resource storageBlobRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: storage
  name: guid(storage.id, identity.id, storageBlobDataOwner.id)
  properties: {
    roleDefinitionId: storageBlobDataOwner.id
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource storageQueueRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: storage
  name: guid(storage.id, identity.id, storageQueueDataContributor.id)
  properties: {
    roleDefinitionId: storageQueueDataContributor.id
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource storageTableRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: storage
  name: guid(storage.id, identity.id, storageTableDataContributor.id)
  properties: {
    roleDefinitionId: storageTableDataContributor.id
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Cosmos DB (serverless): records, lookups, the sent-message ledger and the report documents
// ---------------------------------------------------------------------------------------------------------------

resource cosmos 'Microsoft.DocumentDB/databaseAccounts@2024-11-15' = {
  name: cosmosAccountName
  location: location
  tags: tags
  kind: 'GlobalDocumentDB'
  properties: {
    databaseAccountOfferType: 'Standard'
    locations: [
      {
        locationName: location
        failoverPriority: 0
        isZoneRedundant: false
      }
    ]
    capabilities: [
      {
        name: 'EnableServerless'
      }
    ]
    consistencyPolicy: {
      defaultConsistencyLevel: 'Session'
    }
    disableLocalAuth: true
    disableKeyBasedMetadataWriteAccess: true
    minimalTlsVersion: 'Tls12'
    publicNetworkAccess: 'Enabled'
    backupPolicy: {
      type: 'Continuous'
      continuousModeProperties: {
        tier: 'Continuous7Days'
      }
    }
  }
}

resource database 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases@2024-11-15' = {
  parent: cosmos
  name: databaseName
  properties: {
    resource: {
      id: databaseName
    }
  }
}

// The containers and partition keys exactly as CosmosRecords and CosmosReportDocumentWriter create them.
var cosmosContainers = [
  {
    name: 'records'
    partitionKey: '/districtId'
  }
  {
    name: 'lookups'
    partitionKey: '/id'
  }
  {
    name: 'sentMessages'
    partitionKey: '/ledger'
  }
  {
    name: reportsContainerName
    partitionKey: '/programYear'
  }
]

resource containers 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers@2024-11-15' = [
  for container in cosmosContainers: {
    parent: database
    name: container.name
    properties: {
      resource: {
        id: container.name
        partitionKey: {
          paths: [
            container.partitionKey
          ]
          kind: 'Hash'
        }
      }
    }
  }
]

// Cosmos DB Built-in Data Contributor, a data-plane (SQL) role of the account itself.
resource cosmosDataContributor 'Microsoft.DocumentDB/databaseAccounts/sqlRoleDefinitions@2024-11-15' existing = {
  parent: cosmos
  name: '00000000-0000-0000-0000-000000000002'
}

resource cosmosRole 'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments@2024-11-15' = {
  parent: cosmos
  name: guid(cosmos.id, identity.id, cosmosDataContributor.id)
  properties: {
    roleDefinitionId: cosmosDataContributor.id
    principalId: identity.properties.principalId
    scope: cosmos.id
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Key Vault: the link-signing key and the SMTP password, read by the app through Key Vault references
// ---------------------------------------------------------------------------------------------------------------

resource vault 'Microsoft.KeyVault/vaults@2024-11-01' = {
  name: keyVaultName
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
    publicNetworkAccess: 'Enabled'
  }
}

resource linkKeySecret 'Microsoft.KeyVault/vaults/secrets@2024-11-01' = {
  parent: vault
  name: 'link-signing-key'
  properties: {
    value: linkSigningKey
    contentType: 'base64, 32 bytes'
  }
}

resource smtpPasswordSecret 'Microsoft.KeyVault/vaults/secrets@2024-11-01' = {
  parent: vault
  name: 'smtp-password'
  properties: {
    value: smtpPassword
    contentType: 'text/plain'
  }
}

resource vaultSecretsRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: vault
  name: guid(vault.id, identity.id, keyVaultSecretsUser.id)
  properties: {
    roleDefinitionId: keyVaultSecretsUser.id
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Monitoring: Application Insights on Log Analytics, ingestion by Entra ID only
// ---------------------------------------------------------------------------------------------------------------

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: 'log-mentorflow-${environmentName}'
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: logRetentionInDays
    workspaceCapping: {
      dailyQuotaGb: logDailyQuotaGb
    }
    features: {
      disableLocalAuth: true
    }
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: 'appi-mentorflow-${environmentName}'
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logs.id
    IngestionMode: 'LogAnalytics'
    DisableLocalAuth: true
  }
}

resource metricsPublisherRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: appInsights
  name: guid(appInsights.id, identity.id, monitoringMetricsPublisher.id)
  properties: {
    roleDefinitionId: monitoringMetricsPublisher.id
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The Functions app on the Flex Consumption plan
// ---------------------------------------------------------------------------------------------------------------

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: 'plan-mentorflow-${environmentName}'
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    tier: 'FlexConsumption'
    name: 'FC1'
  }
  properties: {
    reserved: true
  }
}

// MentorFlow__Districts__N__* for each district, as the Functions app binds MentorFlow:Districts.
var districtAppSettings = flatten(map(range(0, length(districts)), i => [
  {
    name: 'MentorFlow__Districts__${i}__Id'
    value: districts[i].id
  }
  {
    name: 'MentorFlow__Districts__${i}__Name'
    value: districts[i].name
  }
  {
    name: 'MentorFlow__Districts__${i}__ProgramYearStart'
    value: string(districts[i].programYearStart)
  }
  {
    name: 'MentorFlow__Districts__${i}__CoordinatorEmail'
    value: districts[i].coordinatorEmail
  }
]))

resource functionApp 'Microsoft.Web/sites@2024-04-01' = {
  name: functionAppName
  location: location
  tags: tags
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identity.id
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storage.properties.primaryEndpoints.blob}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identity.id
          }
        }
      }
      scaleAndConcurrency: {
        instanceMemoryMB: instanceMemoryMB
        maximumInstanceCount: maximumInstanceCount
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
    siteConfig: {
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
      appSettings: concat([
        // The Functions host and the Durable task hub, by identity.
        {
          name: 'AzureWebJobsStorage__accountName'
          value: storage.name
        }
        {
          name: 'AzureWebJobsStorage__credential'
          value: 'managedidentity'
        }
        {
          name: 'AzureWebJobsStorage__clientId'
          value: identity.properties.clientId
        }
        {
          name: 'AZURE_CLIENT_ID'
          value: identity.properties.clientId
        }
        {
          name: 'AzureWebJobsDisableHomepage'
          value: 'true'
        }
        // Telemetry, by identity (the connection string carries no secret; local auth is off).
        {
          name: 'APPLICATIONINSIGHTS_CONNECTION_STRING'
          value: appInsights.properties.ConnectionString
        }
        {
          name: 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING'
          value: 'Authorization=AAD;ClientId=${identity.properties.clientId}'
        }
        // MentorFlow.
        {
          name: 'MentorFlow__Folders__Root'
          value: '/tmp/mentorflow'
        }
        {
          name: 'MentorFlow__Records__Backend'
          value: 'Cosmos'
        }
        {
          name: 'MentorFlow__Records__Cosmos__Endpoint'
          value: cosmos.properties.documentEndpoint
        }
        {
          name: 'MentorFlow__Records__Cosmos__ClientId'
          value: identity.properties.clientId
        }
        {
          name: 'MentorFlow__Records__Cosmos__Database'
          value: databaseName
        }
        {
          name: 'MentorFlow__Reports__Files__Backend'
          value: 'Blob'
        }
        {
          name: 'MentorFlow__Reports__Files__Blob__ServiceUri'
          value: storage.properties.primaryEndpoints.blob
        }
        {
          name: 'MentorFlow__Reports__Files__Blob__ClientId'
          value: identity.properties.clientId
        }
        {
          name: 'MentorFlow__Reports__Files__Blob__Container'
          value: reportsContainerName
        }
        {
          name: 'MentorFlow__Reports__Cosmos__Endpoint'
          value: cosmos.properties.documentEndpoint
        }
        {
          name: 'MentorFlow__Reports__Cosmos__ClientId'
          value: identity.properties.clientId
        }
        {
          name: 'MentorFlow__Reports__Cosmos__Database'
          value: databaseName
        }
        {
          name: 'MentorFlow__Reports__Cosmos__Container'
          value: reportsContainerName
        }
        {
          name: 'MentorFlow__Links__Key'
          value: '@Microsoft.KeyVault(SecretUri=${linkKeySecret.properties.secretUri})'
        }
        {
          name: 'MentorFlow__Mail__From'
          value: mailFrom
        }
        {
          name: 'MentorFlow__Mail__Smtp__Host'
          value: smtpHost
        }
        {
          name: 'MentorFlow__Mail__Smtp__Port'
          value: string(smtpPort)
        }
        {
          name: 'MentorFlow__Mail__Smtp__User'
          value: smtpUser
        }
        {
          name: 'MentorFlow__Mail__Smtp__Password'
          value: '@Microsoft.KeyVault(SecretUri=${smtpPasswordSecret.properties.secretUri})'
        }
        {
          name: 'MentorFlow__Staff__TrustAppServicePrincipal'
          value: 'true'
        }
      ], districtAppSettings)
    }
  }
  // The app starts reading storage, Cosmos DB and the vault at once: give it its roles first.
  dependsOn: [
    storageBlobRole
    storageQueueRole
    storageTableRole
    cosmosRole
    vaultSecretsRole
    metricsPublisherRole
    deploymentContainer
    reportsContainer
    containers
  ]
}

resource ftpCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: functionApp
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource scmCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: functionApp
  name: 'scm'
  properties: {
    allow: false
  }
}

// Staff sign in with Microsoft Entra ID; the platform passes their app roles (Hr, Coordinator, Analyst) to the app in
// X-MS-CLIENT-PRINCIPAL. The emailed forms (/s/{token}, signed links) and the health check stay open.
resource authentication 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: functionApp
  name: 'authsettingsV2'
  properties: {
    platform: {
      enabled: true
    }
    globalValidation: {
      requireAuthentication: true
      unauthenticatedClientAction: 'RedirectToLoginPage'
      redirectToProvider: 'azureactivedirectory'
      excludedPaths: [
        '/s/*'
        '/healthz'
      ]
    }
    httpSettings: {
      requireHttps: true
    }
    identityProviders: {
      azureActiveDirectory: {
        enabled: true
        registration: {
          clientId: entraClientId
          openIdIssuer: '${environment().authentication.loginEndpoint}${entraTenantId}/v2.0'
        }
        validation: {
          allowedAudiences: [
            'api://${entraClientId}'
            entraClientId
          ]
        }
      }
    }
    login: {
      tokenStore: {
        enabled: false
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Outputs: what the deploy step needs, no secrets
// ---------------------------------------------------------------------------------------------------------------

@description('The app\'s public address.')
output appUrl string = 'https://${functionApp.properties.defaultHostName}'

@description('Name of the Function app (for az functionapp deployment).')
output appName string = functionApp.name

@description('The resource group everything is in.')
output resourceGroupName string = resourceGroup().name

@description('Blob container that holds the deployment package.')
output deploymentContainerName string = deploymentContainer.name

@description('Name of the storage account.')
output storageAccountName string = storage.name

@description('Name of the Key Vault holding the link-signing key and the SMTP password.')
output keyVaultName string = vault.name
