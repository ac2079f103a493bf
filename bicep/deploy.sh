#!/usr/bin/env bash
# Stands MentorFlow up in Azure with one deployment and one code push, or tears it down.
#
#   MENTORFLOW_LINK_KEY=... MENTORFLOW_SMTP_PASSWORD=... bicep/deploy.sh [--group NAME] [--location REGION] [--environment NAME]
#   bicep/deploy.sh --delete [--group NAME]
#
# Steps: 1. the resource group; 2. the Microsoft Entra app registration that signs staff in, with the app roles Hr,
# Coordinator and Analyst; 3. bicep/main.bicep with bicep/main.bicepparam (every resource, identity-based, secrets in
# Key Vault); 4. the sign-in redirect address; 5. dotnet publish, zip and push the Functions app package.
# Needs: Azure CLI (az login done, Owner or Contributor + User Access Administrator on the subscription or group, and
# the right to create app registrations), the .NET SDK in global.json, zip.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

environment=${MENTORFLOW_ENVIRONMENT:-dev}
location=${MENTORFLOW_LOCATION:-eastus}
group=""
delete=0

usage() { sed -n '2,11p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }
step() { printf '\n==> %s\n' "$*"; }
fail() { printf 'deploy.sh: %s\n' "$*" >&2; exit 1; }

while [ $# -gt 0 ]; do
  case "$1" in
    --group) group=${2:?--group needs a name}; shift 2 ;;
    --location) location=${2:?--location needs a region}; shift 2 ;;
    --environment) environment=${2:?--environment needs a name}; shift 2 ;;
    --delete) delete=1; shift ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; fail "unknown argument: $1" ;;
  esac
done
group=${group:-mentorflow-$environment}
app_registration="MentorFlow ($group)"

command -v az >/dev/null || fail "the Azure CLI (az) is not installed: https://aka.ms/installazurecli"
az account show --output none 2>/dev/null || fail "not signed in to Azure: run az login"

# --- tear-down -----------------------------------------------------------------------------------------------
if [ "$delete" -eq 1 ]; then
  step "Deleting resource group $group and everything in it"
  az group delete --name "$group" --yes
  echo "Deleted. The Key Vault stays soft-deleted (purge protection) for 90 days; its name is not reusable until then."
  app_id=$(az ad app list --display-name "$app_registration" --query "[0].appId" --output tsv 2>/dev/null || true)
  if [ -n "$app_id" ]; then
    echo "The app registration '$app_registration' ($app_id) is kept with its role assignments; remove it with:"
    echo "  az ad app delete --id $app_id"
  fi
  exit 0
fi

command -v dotnet >/dev/null || fail "the .NET SDK is not installed (see global.json)"
command -v zip >/dev/null || fail "zip is not installed"
[ -n "${MENTORFLOW_LINK_KEY:-}" ] || fail "set MENTORFLOW_LINK_KEY to the link-signing key (first time: openssl rand -base64 32; keep it, the same on every deployment)"
[ -n "${MENTORFLOW_SMTP_PASSWORD:-}" ] || fail "set MENTORFLOW_SMTP_PASSWORD to the SMTP relay account's password"
export MENTORFLOW_ENVIRONMENT=$environment

# --- 1. resource group ---------------------------------------------------------------------------------------
step "Creating resource group $group in $location"
az group create --name "$group" --location "$location" --output none

# --- 2. Entra app registration and its app roles -------------------------------------------------------------
# Fixed role ids, so updating the registration never replaces a role (and the people assigned to it).
roles_file=$(mktemp)
trap 'rm -f "$roles_file"' EXIT
cat >"$roles_file" <<'JSON'
[
  { "allowedMemberTypes": ["User", "Application"], "displayName": "HR", "value": "Hr", "isEnabled": true,
    "id": "5b0c1d5e-3f6a-4d0e-9a51-6a1f0f2b7c01", "description": "Starts and ends pairings (onboarding webhook, CSV import)." },
  { "allowedMemberTypes": ["User"], "displayName": "Program coordinator", "value": "Coordinator", "isEnabled": true,
    "id": "5b0c1d5e-3f6a-4d0e-9a51-6a1f0f2b7c02", "description": "Sees every pairing, nudges, approves sign-off." },
  { "allowedMemberTypes": ["User", "Application"], "displayName": "State analyst", "value": "Analyst", "isEnabled": true,
    "id": "5b0c1d5e-3f6a-4d0e-9a51-6a1f0f2b7c03", "description": "Reads the induction reports." }
]
JSON

step "Ensuring the Entra app registration '$app_registration' with app roles Hr, Coordinator, Analyst"
app_id=$(az ad app list --display-name "$app_registration" --query "[0].appId" --output tsv)
if [ -z "$app_id" ]; then
  app_id=$(az ad app create --display-name "$app_registration" --sign-in-audience AzureADMyOrg \
    --enable-id-token-issuance true --app-roles "@$roles_file" --query appId --output tsv)
  echo "Created app registration $app_id"
else
  az ad app update --id "$app_id" --app-roles "@$roles_file" --enable-id-token-issuance true
  echo "Updated app registration $app_id"
fi
az ad app update --id "$app_id" --identifier-uris "api://$app_id"
# The enterprise application (service principal) is where people are assigned to the roles.
az ad sp show --id "$app_id" --output none 2>/dev/null || az ad sp create --id "$app_id" --output none
export MENTORFLOW_ENTRA_CLIENT_ID=$app_id

# --- 3. infrastructure ---------------------------------------------------------------------------------------
step "Deploying bicep/main.bicep with bicep/main.bicepparam to $group"
az deployment group create --resource-group "$group" --name mentorflow \
  --template-file bicep/main.bicep --parameters bicep/main.bicepparam --output none
output() { az deployment group show --resource-group "$group" --name mentorflow --query "properties.outputs.$1.value" --output tsv; }
app_name=$(output appName)
app_url=$(output appUrl)
echo "Function app $app_name at $app_url (package container: $(output deploymentContainerName))"

# --- 4. sign-in redirect -------------------------------------------------------------------------------------
step "Setting the sign-in redirect address $app_url/.auth/login/aad/callback"
az ad app update --id "$app_id" --web-redirect-uris "$app_url/.auth/login/aad/callback"

# --- 5. code -------------------------------------------------------------------------------------------------
step "Publishing the Functions app (dotnet publish -c Release)"
rm -rf publish/functions publish/mentorflow-functions.zip
dotnet publish -c Release functions/MentorFlow.Functions -o publish/functions
(cd publish/functions && zip -qr ../mentorflow-functions.zip .)

step "Pushing publish/mentorflow-functions.zip to $app_name"
az functionapp deployment source config-zip --resource-group "$group" --name "$app_name" \
  --src publish/mentorflow-functions.zip --output none

step "Done"
echo "MentorFlow is at $app_url (health: $app_url/healthz)."
echo "Assign staff to the app roles Hr, Coordinator and Analyst: Entra admin center > Enterprise applications >"
echo "'$app_registration' > Users and groups > Add user/group."
