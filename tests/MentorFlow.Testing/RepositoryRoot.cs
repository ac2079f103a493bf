namespace MentorFlow.Testing;

/// <summary>The checkout the tests run from, found by walking up to <c>MentorFlow.sln</c>.</summary>
public static class RepositoryRoot
{
    private static readonly Lazy<string> Root = new(Find);

    /// <summary>The absolute path of the repository root.</summary>
    public static string Path => Root.Value;

    /// <summary>An absolute path inside the repository.</summary>
    public static string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "MentorFlow.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No MentorFlow.sln above {AppContext.BaseDirectory}: run the tests from a MentorFlow checkout.");
    }
}
