// The MARAC app on Azure: one Linux App Service (bot endpoint, tab and API, workers), PostgreSQL
// Flexible Server reachable only from the app's virtual network, Key Vault (secrets and the
// key-encryption key), the Azure Bot registration for Teams, and Log Analytics.
// Deployed by the Microsoft 365 Agents Toolkit (m365agents.yml, arm/deploy) or `az deployment
// group create`; see README.md. Outputs in UPPER_CASE are written back to the toolkit's env file.

targetScope = 'resourceGroup'

// ------------------------------------------------------------------------------------------------
// Parameters

@minLength(3)
@maxLength(12)
@description('Short prefix for resource names: lower-case letters and digits, e.g. maracdev.')
param resourceBaseName string

@description('Azure region for everything except the bot registration, which is global.')
param location string = resourceGroup().location

@description('Entra tenant of the Microsoft 365 organisation: the app registrations, Teams and Microsoft Graph.')
param m365TenantId string = subscription().tenantId

@description('Entra tenant ids of the partner agencies whose people sign in from their own tenants, comma-separated (empty: the Microsoft 365 tenant only, which is always allowed).')
param agencyTenantIds string = ''

@description('Client id of the multi-tenant app registration for tab single sign-on: the API\'s token audience.')
param aadAppClientId string

@description('Client id of the single-tenant app registration for Microsoft Graph (app-only, limited to the MARAC mailboxes in Exchange).')
param graphAppClientId string

@secure()
@description('Client secret of the Graph app registration.')
param graphAppClientSecret string

@description('Client id of the bot\'s single-tenant app registration.')
param botAadAppClientId string

@secure()
@description('Client secret of the bot\'s app registration.')
param botAadAppClientSecret string

@description('Name shown for the bot in the Azure portal.')
param botDisplayName string = 'MARAC'

@allowed(['F0', 'S1'])
@description('Azure Bot pricing tier. Teams is a standard channel: F0 carries it without message limits.')
param botSku string = 'F0'

@description('App Service plan SKU (Linux). Always On needs Basic or above; P0v3 or above for production.')
param appServiceSkuName string = 'P0v3'

@allowed(['1.2', '1.3'])
@description('Lowest TLS version accepted by the app and its deployment (SCM) site.')
param minTlsVersion string = '1.2'

@description('Administrator login of the PostgreSQL server.')
param postgresAdminLogin string = 'maracadmin'

@secure()
@minLength(16)
@description('Administrator password of the PostgreSQL server (e.g. openssl rand -base64 33).')
param postgresAdminPassword string

@description('PostgreSQL major version.')
param postgresVersion string = '16'

@description('PostgreSQL compute SKU, e.g. Standard_B2s (Burstable) or Standard_D2ds_v5 (GeneralPurpose).')
param postgresSkuName string = 'Standard_B2s'

@allowed(['Burstable', 'GeneralPurpose', 'MemoryOptimized'])
param postgresSkuTier string = 'Burstable'

param postgresStorageSizeGB int = 32

@minValue(7)
@maxValue(35)
param postgresBackupRetentionDays int = 35

@description('Zone-redundant high availability (GeneralPurpose or MemoryOptimized tier only).')
param postgresHighAvailability bool = false

@allowed(['standard', 'premium'])
@description('Key Vault tier. Premium keeps the key-encryption key in an HSM (RSA-HSM).')
param keyVaultSku string = 'premium'

@description('Public IP ranges (CIDR) of operators who run `npx marac rotate-keys`; the vault refuses other addresses outside the app\'s subnet.')
param keyVaultAllowedIpRanges array = []

@minValue(30)
@maxValue(730)
param logRetentionDays int = 90

@description('Load the invented demo partnership at first start: for a test tenant only, never with real cases.')
param seedDemoData bool = false

@description('Further non-secret app settings as strings, e.g. {"LOG_LEVEL": "info"}. The settings this template sets itself cannot be overridden here.')
param appSettings object = {}

param vnetAddressPrefix string = '10.40.0.0/16'
param appSubnetPrefix string = '10.40.1.0/24'
param databaseSubnetPrefix string = '10.40.2.0/24'

// ------------------------------------------------------------------------------------------------
// Names

var base = toLower(resourceBaseName)
var token = uniqueString(resourceGroup().id, base)
var names = {
  identity: 'id-${base}'
  logs: 'log-${base}'
  insights: 'appi-${base}'
  vnet: 'vnet-${base}'
  plan: 'plan-${base}'
  site: 'app-${base}-${token}'
  postgres: 'psql-${base}-${token}'
  keyVault: 'kv${take(base, 9)}${take(token, 12)}'
  retentionVault: 'kvr${take(base, 8)}${take(token, 12)}'
  bot: 'bot-${base}-${token}'
}
var siteHostName = '${names.site}.azurewebsites.net'
var databaseName = 'marac'
var kekName = 'marac-kek'

// Built-in roles (https://learn.microsoft.com/azure/role-based-access-control/built-in-roles)
var keyVaultSecretsUser = '4633458b-17de-408a-b874-0445c86b69e6'
var keyVaultCryptoServiceEncryptionUser = 'e147488a-f6f5-4113-8e2d-b22465e65bf6' // get, wrapKey, unwrapKey
var keyVaultCryptoOfficer = '14b46e9e-c2b7-41b4-b07b-48a6ebf60603' // every operation on keys

// ------------------------------------------------------------------------------------------------
// Identity and monitoring

// A user-assigned identity exists before the site, so its Key Vault roles are in place when the
// site first resolves its Key Vault references.
resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: names.identity
  location: location
}

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: names.logs
  location: location
  properties: {
    sku: { name: 'PerGB2018' }
    retentionInDays: logRetentionDays
    features: { enableLogAccessUsingOnlyResourcePermissions: true }
  }
}

// Workspace-based Application Insights. Nothing here records request or response bodies: App
// Service logs carry method, path, status and timings; the app logs ids only (pino, redacted).
// The codeless agent is not switched on, so no dependency telemetry (SQL text) is collected.
resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: names.insights
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logs.id
    IngestionMode: 'LogAnalytics'
    DisableIpMasking: false
  }
}

// ------------------------------------------------------------------------------------------------
// Network: the app's outbound traffic runs through 'app'; PostgreSQL lives in 'database' only.

resource vnet 'Microsoft.Network/virtualNetworks@2024-01-01' = {
  name: names.vnet
  location: location
  properties: {
    addressSpace: { addressPrefixes: [vnetAddressPrefix] }
    subnets: [
      {
        name: 'app'
        properties: {
          addressPrefix: appSubnetPrefix
          delegations: [{ name: 'web', properties: { serviceName: 'Microsoft.Web/serverFarms' } }]
          serviceEndpoints: [{ service: 'Microsoft.KeyVault' }]
        }
      }
      {
        name: 'database'
        properties: {
          addressPrefix: databaseSubnetPrefix
          delegations: [
            { name: 'postgres', properties: { serviceName: 'Microsoft.DBforPostgreSQL/flexibleServers' } }
          ]
        }
      }
    ]
  }
}
var appSubnetId = vnet.properties.subnets[0].id
var databaseSubnetId = vnet.properties.subnets[1].id

// ------------------------------------------------------------------------------------------------
// PostgreSQL: private access (VNet-injected, no public endpoint), TLS required (server default).

resource postgresDns 'Microsoft.Network/privateDnsZones@2020-06-01' = {
  name: '${names.postgres}.private.postgres.database.azure.com'
  location: 'global'
}

resource postgresDnsLink 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2020-06-01' = {
  parent: postgresDns
  name: 'vnet'
  location: 'global'
  properties: {
    registrationEnabled: false
    virtualNetwork: { id: vnet.id }
  }
}

resource postgres 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: names.postgres
  location: location
  sku: { name: postgresSkuName, tier: postgresSkuTier }
  properties: {
    version: postgresVersion
    administratorLogin: postgresAdminLogin
    administratorLoginPassword: postgresAdminPassword
    authConfig: { activeDirectoryAuth: 'Disabled', passwordAuth: 'Enabled' }
    storage: { storageSizeGB: postgresStorageSizeGB, autoGrow: 'Enabled' }
    backup: { backupRetentionDays: postgresBackupRetentionDays, geoRedundantBackup: 'Disabled' }
    highAvailability: { mode: postgresHighAvailability ? 'ZoneRedundant' : 'Disabled' }
    network: {
      delegatedSubnetResourceId: databaseSubnetId
      privateDnsZoneArmResourceId: postgresDns.id
    }
  }
  dependsOn: [postgresDnsLink]
}

resource database 'Microsoft.DBforPostgreSQL/flexibleServers/databases@2024-08-01' = {
  parent: postgres
  name: databaseName
  properties: { charset: 'UTF8', collation: 'en_US.utf8' }
}

// ------------------------------------------------------------------------------------------------
// Key Vault: RBAC only, purge protection, reachable from the app's subnet (and listed operators).

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: names.keyVault
  location: location
  properties: {
    tenantId: subscription().tenantId
    sku: { family: 'A', name: keyVaultSku }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Deny'
      bypass: 'AzureServices'
      virtualNetworkRules: [{ id: appSubnetId, ignoreMissingVnetServiceEndpoint: false }]
      ipRules: [for ipRange in keyVaultAllowedIpRanges: { value: ipRange }]
    }
  }
}

// The key-encryption key: wraps every data key (RSA-OAEP-256) and never leaves the vault. AES keys
// exist only in Managed HSM, so this is RSA 3072, HSM-backed in the premium tier. Rotation is an
// operator's act (`npx marac rotate-keys`, which needs Key Vault Crypto Officer); old versions
// stay enabled so data keys wrapped under them can still be unwrapped.
resource kek 'Microsoft.KeyVault/vaults/keys@2023-07-01' = {
  parent: vault
  name: kekName
  properties: {
    kty: keyVaultSku == 'premium' ? 'RSA-HSM' : 'RSA'
    keySize: 3072
    keyOps: ['wrapKey', 'unwrapKey']
    attributes: { enabled: true }
  }
}

var secretNames = ['database-url', 'graph-client-secret', 'bot-client-secret']
var secretValues = {
  'database-url': 'postgresql://${uriComponent(postgresAdminLogin)}:${uriComponent(postgresAdminPassword)}@${postgres.properties.fullyQualifiedDomainName}:5432/${database.name}?sslmode=verify-full'
  'graph-client-secret': graphAppClientSecret
  'bot-client-secret': botAadAppClientSecret
}

resource secret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = [
  for secretName in secretNames: {
    parent: vault
    name: secretName
    properties: { value: secretValues[secretName], contentType: 'text/plain' }
  }
]

// The app reads exactly these three secrets, and may only wrap and unwrap with the KEK.
resource secretReaders 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for (secretName, i) in secretNames: {
    scope: secret[i]
    name: guid(vault.id, secretName, identity.id, keyVaultSecretsUser)
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUser)
      principalId: identity.properties.principalId
      principalType: 'ServicePrincipal'
    }
  }
]

resource kekUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: kek
  name: guid(kek.id, identity.id, keyVaultCryptoServiceEncryptionUser)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultCryptoServiceEncryptionUser)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

// Retention keys (issue #13): one RSA key per area and quarter, which the app makes when records
// first fall due in that quarter and deletes, then purges, once they are erased; destroying it is
// what makes erased cases unreadable in every database backup. A vault of their own, because the
// app needs create, delete and purge here (Key Vault Crypto Officer), rights it must never hold
// over marac-kek. Soft delete cannot be turned off (7 days, the least); purge protection is off
// on purpose: with it on, a deleted key stays recoverable, and backups readable, for the whole
// soft-delete period. The price: whoever holds the app's identity can destroy these keys too.
resource retentionVault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: names.retentionVault
  location: location
  properties: {
    tenantId: subscription().tenantId
    sku: { family: 'A', name: keyVaultSku }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 7
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Deny'
      bypass: 'AzureServices'
      virtualNetworkRules: [{ id: appSubnetId, ignoreMissingVnetServiceEndpoint: false }]
      ipRules: [for ipRange in keyVaultAllowedIpRanges: { value: ipRange }]
    }
  }
}

resource retentionKeysOfficer 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: retentionVault
  name: guid(retentionVault.id, identity.id, keyVaultCryptoOfficer)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultCryptoOfficer)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

// ------------------------------------------------------------------------------------------------
// App Service (Linux, Node 22 LTS)

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: names.plan
  location: location
  kind: 'linux'
  sku: { name: appServiceSkuName }
  properties: { reserved: true }
}

var keyVaultRef = 'VaultName=${vault.name};SecretName='
var settings = union(appSettings, {
  NODE_ENV: 'production'
  HOST: '0.0.0.0'
  MARAC_DEV_SIGN_IN: 'false'
  MARAC_SEED_DEMO: seedDemoData ? 'true' : 'false'
  MARAC_DATA_DIR: '/home/site/data'
  MARAC_PUBLIC_URL: 'https://${siteHostName}'
  DATABASE_URL: '@Microsoft.KeyVault(${keyVaultRef}database-url)'
  GRAPH_MODE: 'graph'
  GRAPH_TENANT_ID: m365TenantId
  GRAPH_CLIENT_ID: graphAppClientId
  GRAPH_CLIENT_SECRET: '@Microsoft.KeyVault(${keyVaultRef}graph-client-secret)'
  BOT_CLIENT_ID: botAadAppClientId
  BOT_TENANT_ID: m365TenantId
  BOT_CLIENT_SECRET: '@Microsoft.KeyVault(${keyVaultRef}bot-client-secret)'
  ENTRA_CLIENT_ID: aadAppClientId
  ENTRA_ALLOWED_TENANTS: empty(agencyTenantIds) ? m365TenantId : '${m365TenantId},${agencyTenantIds}'
  ENTRA_APP_ID_URI: 'api://${siteHostName}/${aadAppClientId}'
  MARAC_KEY_VAULT_URL: vault.properties.vaultUri
  MARAC_KEK_NAME: kekName
  MARAC_RETENTION_VAULT_URL: retentionVault.properties.vaultUri
  AZURE_CLIENT_ID: identity.properties.clientId
  APPLICATIONINSIGHTS_CONNECTION_STRING: insights.properties.ConnectionString
  // Deployment: the toolkit uploads the built app without node_modules; App Service installs the
  // production dependencies on Linux instead of running the package's own build script.
  SCM_DO_BUILD_DURING_DEPLOYMENT: 'true'
  CUSTOM_BUILD_COMMAND: 'npm ci --omit=dev --no-audit --no-fund'
})

resource site 'Microsoft.Web/sites@2023-12-01' = {
  name: names.site
  location: location
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identity.id}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false
    keyVaultReferenceIdentity: identity.id
    virtualNetworkSubnetId: appSubnetId
    siteConfig: {
      linuxFxVersion: 'NODE|22-lts'
      appCommandLine: 'node dist/bot/src/server.js'
      alwaysOn: true
      healthCheckPath: '/healthz'
      minTlsVersion: minTlsVersion
      scmMinTlsVersion: minTlsVersion
      ftpsState: 'Disabled'
      http20Enabled: true
      // Route everything through the VNet: PostgreSQL is only there, and the vault only admits the subnet.
      vnetRouteAllEnabled: true
    }
  }
}

// All app settings in one place (this replaces any set by hand). The Key Vault references resolve
// with the user-assigned identity once its roles exist, hence the explicit dependency.
resource siteSettings 'Microsoft.Web/sites/config@2023-12-01' = {
  parent: site
  name: 'appsettings'
  properties: settings
  dependsOn: [secretReaders, kekUser, retentionKeysOfficer]
}

resource ftpOff 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2023-12-01' = {
  parent: site
  name: 'ftp'
  properties: { allow: false }
}

// ------------------------------------------------------------------------------------------------
// Diagnostics to Log Analytics. PostgreSQL server logs are left out on purpose: an error can quote
// the statement it failed on.

resource siteDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  scope: site
  name: 'to-log-analytics'
  properties: {
    workspaceId: logs.id
    logs: [
      for category in ['AppServiceHTTPLogs', 'AppServiceConsoleLogs', 'AppServicePlatformLogs', 'AppServiceAuditLogs']: {
        category: category
        enabled: true
      }
    ]
    metrics: [{ category: 'AllMetrics', enabled: true }]
  }
}

resource vaultDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  scope: vault
  name: 'to-log-analytics'
  properties: {
    workspaceId: logs.id
    logs: [{ categoryGroup: 'audit', enabled: true }]
  }
}

// Every retention key made, deleted and purged is on record, beside the app's own audit log.
resource retentionVaultDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  scope: retentionVault
  name: 'to-log-analytics'
  properties: {
    workspaceId: logs.id
    logs: [{ categoryGroup: 'audit', enabled: true }]
  }
}

// ------------------------------------------------------------------------------------------------
// Azure Bot: single-tenant app registration (new multi-tenant bots cannot be created any more),
// Teams channel only.

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: names.bot
  location: 'global'
  kind: 'azurebot'
  sku: { name: botSku }
  properties: {
    displayName: botDisplayName
    endpoint: 'https://${site.properties.defaultHostName}/api/messages'
    msaAppId: botAadAppClientId
    msaAppType: 'SingleTenant'
    msaAppTenantId: m365TenantId
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
      acceptedTerms: true
    }
  }
}

// ------------------------------------------------------------------------------------------------
// Outputs (the toolkit writes these to infra/env/.env.<environment>)

output BOT_AZURE_APP_SERVICE_RESOURCE_ID string = site.id
output TAB_DOMAIN string = site.properties.defaultHostName
output TAB_ENDPOINT string = 'https://${site.properties.defaultHostName}'
output BOT_ENDPOINT string = 'https://${site.properties.defaultHostName}/api/messages'
output KEY_VAULT_URL string = vault.properties.vaultUri
output KEK_NAME string = kekName
output POSTGRES_HOST string = postgres.properties.fullyQualifiedDomainName
output AZURE_BOT_NAME string = bot.name
