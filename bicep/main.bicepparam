// Parameters for one MentorFlow deployment. Edit the district, the sender and the SMTP relay. The secrets and the
// Entra app registration's client id come from the environment, so nothing secret is written in this file, and the
// file does not build without them: bicep/deploy.sh sets MENTORFLOW_ENTRA_CLIENT_ID and requires MENTORFLOW_LINK_KEY
// and MENTORFLOW_SMTP_PASSWORD.
using 'main.bicep'

param environmentName = readEnvironmentVariable('MENTORFLOW_ENVIRONMENT', 'dev')

// Flex Consumption: memory per instance and the scale-out ceiling (a cost cap).
param instanceMemoryMB = 2048
param maximumInstanceCount = 40

param entraClientId = readEnvironmentVariable('MENTORFLOW_ENTRA_CLIENT_ID')

// 32 random bytes in base64 (openssl rand -base64 32), the same on every deployment: a new key voids every link sent.
param linkSigningKey = readEnvironmentVariable('MENTORFLOW_LINK_KEY')
param smtpPassword = readEnvironmentVariable('MENTORFLOW_SMTP_PASSWORD')

param mailFrom = 'MentorFlow <mentorflow@district.example>'
param smtpHost = 'smtp.district.example'
param smtpPort = 587
param smtpUser = 'mentorflow@district.example'

param districts = [
  {
    id: 'demo-district'
    name: 'Demo District'
    programYearStart: 2026
    coordinatorEmail: 'coordinator@district.example'
  }
]
