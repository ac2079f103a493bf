// MentorFlow's Azure infrastructure. First version: the storage account that holds the durable
// engine's tables and queues, the report files and the Functions host's own state.
targetScope = 'resourceGroup'

@description('Short environment name used in resource names, e.g. dev, test or prod.')
@minLength(2)
@maxLength(8)
param environmentName string = 'dev'

@description('Azure region for every resource; defaults to the resource group\'s region.')
param location string = resourceGroup().location

@description('Tags applied to every resource.')
param tags object = {
  application: 'MentorFlow'
  environment: environmentName
}

// Storage account names are 3-24 lowercase letters and digits, globally unique: 'mf' + env + 13-char hash.
var storageAccountName = toLower('mf${environmentName}${uniqueString(resourceGroup().id)}')

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
  }
}

resource reportsContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2024-01-01' = {
  parent: blobService
  name: 'reports'
  properties: {
    publicAccess: 'None'
  }
}

@description('Name of the storage account.')
output storageAccountName string = storage.name

@description('Blob endpoint, where the report files are published.')
output blobEndpoint string = storage.properties.primaryEndpoints.blob
