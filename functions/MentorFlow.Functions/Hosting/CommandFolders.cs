namespace MentorFlow.Functions.Hosting;

/// <summary>The app's settings and folders as a command other than serving (backup, restore, staff-keys, staff-accounts) finds them: the same appsettings.json, <c>MentorFlow__*</c> environment variables and <c>--MentorFlow:...</c> arguments the app reads.</summary>
internal static class CommandFolders
{
    public static IConfiguration Configuration(string[] settings) =>
        new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine(settings)
            .Build();

    public static EmbeddedFolders From(string[] settings) => From(Configuration(settings));

    public static EmbeddedFolders From(IConfiguration configuration) => EmbeddedFolders.FromConfiguration(configuration, Environment.CurrentDirectory);
}
