namespace MentorFlow.Functions.Hosting;

/// <summary>
/// The folders the embedded defaults keep their files in: the data folder (SQLite database,
/// keys), the outbox (emails written as .eml files) and the reports folder.
/// </summary>
/// <param name="Data">Folder for the embedded database and other durable state.</param>
/// <param name="Outbox">Folder the embedded mail sender writes .eml files into.</param>
/// <param name="Reports">Folder the report jobs write workbooks and Power BI files into.</param>
public sealed record EmbeddedFolders(string Data, string Outbox, string Reports)
{
    /// <summary>The configuration section that holds the folder settings.</summary>
    public const string Section = "MentorFlow:Folders";

    /// <summary>The root folder used when none is configured, relative to the current directory.</summary>
    public const string DefaultRoot = ".mentorflow";

    /// <summary>
    /// Reads <c>MentorFlow:Folders:Root</c> (default <c>.mentorflow</c>) and the optional
    /// <c>Data</c>, <c>Outbox</c> and <c>Reports</c> overrides; relative paths are taken from
    /// <paramref name="baseDirectory"/>, the directory the command was started in.
    /// </summary>
    public static EmbeddedFolders FromConfiguration(IConfiguration configuration, string baseDirectory)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(Section);
        var root = Path.GetFullPath(section["Root"] ?? DefaultRoot, baseDirectory);
        return new EmbeddedFolders(
            Data: Resolve(section["Data"], root, "data"),
            Outbox: Resolve(section["Outbox"], root, "outbox"),
            Reports: Resolve(section["Reports"], root, "reports"));
    }

    /// <summary>Creates any folder that does not exist yet.</summary>
    public void EnsureCreated()
    {
        Directory.CreateDirectory(Data);
        Directory.CreateDirectory(Outbox);
        Directory.CreateDirectory(Reports);
    }

    private static string Resolve(string? configured, string root, string defaultName) =>
        Path.GetFullPath(string.IsNullOrWhiteSpace(configured) ? defaultName : configured, root);
}
