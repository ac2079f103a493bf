namespace MentorFlow.Functions.Hosting;

/// <summary>The app's folders as a command other than serving (backup, restore) finds them: the same appsettings.json, <c>MentorFlow__*</c> environment variables and <c>--MentorFlow:...</c> arguments the app reads.</summary>
internal static class CommandFolders
{
    public static EmbeddedFolders From(string[] settings) =>
        EmbeddedFolders.FromConfiguration(
            new ConfigurationBuilder()
                .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
                .AddEnvironmentVariables()
                .AddCommandLine(settings)
                .Build(),
            Environment.CurrentDirectory);
}
