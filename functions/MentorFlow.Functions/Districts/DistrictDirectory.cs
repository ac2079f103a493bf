using MentorFlow.Core.Settings;

namespace MentorFlow.Functions.Districts;

/// <summary>The districts this deployment serves, with their program settings, read once from configuration.</summary>
public sealed class DistrictDirectory
{
    /// <summary>The configuration section that lists the districts.</summary>
    public const string Section = "MentorFlow:Districts";

    private readonly Dictionary<string, (DistrictOptions Options, DistrictProgramSettings Settings)> _districts;

    /// <summary>Reads and checks the configured districts; a district with broken settings stops the app with what to fix.</summary>
    public DistrictDirectory(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var configured = configuration.GetSection(Section).Get<List<DistrictOptions>>() ?? [];
        _districts = new(StringComparer.Ordinal);
        foreach (var district in configured)
        {
            var settings = district.ToSettings();
            var problems = settings.Validate();
            if (problems.Count > 0 || string.IsNullOrWhiteSpace(district.Name))
            {
                throw new InvalidOperationException(
                    $"District '{district.Id}' in {Section} is not usable: {string.Join("; ", problems.Select(p => p.ToString()).Append(string.IsNullOrWhiteSpace(district.Name) ? "name: the district's name is required" : null).OfType<string>())}. Fix appsettings.json or the MentorFlow__Districts__* variables.");
            }

            _districts[district.Id] = (district, settings);
        }
    }

    /// <summary>Every district's id and name.</summary>
    public IReadOnlyList<(string Id, string Name)> All => [.. _districts.Values.Select(d => (d.Options.Id, d.Options.Name)).OrderBy(d => d.Id, StringComparer.Ordinal)];

    /// <summary>The program years the districts are in now.</summary>
    public IReadOnlyList<string> ProgramYears => [.. _districts.Values.Select(d => d.Settings.ProgramYear).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    /// <summary>The district as configured (name, incentives, narrative), or null.</summary>
    public DistrictOptions? Options(string? districtId) =>
        districtId is not null && _districts.TryGetValue(districtId, out var district) ? district.Options : null;

    /// <summary>The district's program settings, or null when the district is not served here.</summary>
    public DistrictProgramSettings? Find(string? districtId) =>
        districtId is not null && _districts.TryGetValue(districtId, out var district) ? district.Settings : null;
}
