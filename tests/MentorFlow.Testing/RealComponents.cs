namespace MentorFlow.Testing;

/// <summary>The real components the tests use, and the variables <c>./test.sh</c> passes them in.</summary>
public static class RealComponents
{
    /// <summary>Azurite; the variable holds a storage connection string.</summary>
    public static readonly RealComponent Azurite = new(
        "Azurite (Azure Storage emulator)",
        "MENTORFLOW_TEST_AZURITE",
        "npx azurite --skipApiVersionCheck --inMemoryPersistence, then set MENTORFLOW_TEST_AZURITE=UseDevelopmentStorage=true");

    /// <summary>The Cosmos DB server; the variable holds its HTTPS endpoint.</summary>
    public static readonly RealComponent Cosmos = new(
        "Cosmos DB server (@vercel/cosmosdb-server)",
        "MENTORFLOW_TEST_COSMOS",
        "npx cosmosdb-server --host 127.0.0.1 -p 3000, then set MENTORFLOW_TEST_COSMOS=https://127.0.0.1:3000/");

    /// <summary>maildev's SMTP side; the variable holds <c>smtp://host:port</c>.</summary>
    public static readonly RealComponent Smtp = new(
        "maildev SMTP sink",
        "MENTORFLOW_TEST_SMTP",
        "npx maildev --ip 127.0.0.1 --web-ip 127.0.0.1 -s 1025 -w 1080, then set MENTORFLOW_TEST_SMTP=smtp://127.0.0.1:1025 and MENTORFLOW_TEST_MAILDEV=http://127.0.0.1:1080");

    /// <summary>maildev's HTTP API, which lists the mail that arrived.</summary>
    public static readonly RealComponent MaildevApi = new(
        "maildev HTTP API",
        "MENTORFLOW_TEST_MAILDEV",
        "npx maildev --ip 127.0.0.1 --web-ip 127.0.0.1 -s 1025 -w 1080, then set MENTORFLOW_TEST_MAILDEV=http://127.0.0.1:1080");

    /// <summary>Headless Chromium from Debian; the variable holds the executable's path.</summary>
    public static readonly RealComponent Chromium = new(
        "Chromium (Debian package)",
        "MENTORFLOW_TEST_CHROMIUM",
        "apt-get install chromium, then set MENTORFLOW_TEST_CHROMIUM=/usr/bin/chromium");

    /// <summary>The Cosmos DB server's own certificate, which the tests pin instead of trusting any.</summary>
    public static string CosmosCertificatePath => RepositoryRoot.Combine("node_modules", "@vercel", "cosmosdb-server", "cert.pem");
}
