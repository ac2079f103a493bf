using System.Xml.Linq;

namespace MentorFlow.Testing;

/// <summary>Reads the project references a MentorFlow project declares, to hold the dependency direction from DESIGN.md.</summary>
public static class ProjectReferences
{
    /// <summary>The names of the projects that <paramref name="projectFile"/> (a path from the repository root) references.</summary>
    public static IReadOnlySet<string> Of(string projectFile)
    {
        var path = RepositoryRoot.Combine(projectFile.Split('/'));
        return XDocument.Load(path)
            .Descendants("ProjectReference")
            .Select(reference => (string?)reference.Attribute("Include") ?? "")
            .Select(include => Path.GetFileNameWithoutExtension(include.Replace('\\', '/')))
            .ToHashSet(StringComparer.Ordinal);
    }
}
