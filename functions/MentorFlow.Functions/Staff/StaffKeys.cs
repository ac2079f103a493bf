using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace MentorFlow.Functions.Staff;

/// <summary>
/// One secret key per staff role for the embedded mode: from configuration (<c>MentorFlow:Staff:Keys:Hr</c>, ...) when set,
/// otherwise generated at first start and kept in the data folder, and printed once so the operator can hand them out.
/// </summary>
public sealed class StaffKeys
{
    /// <summary>The configuration section of the keys.</summary>
    public const string Section = "MentorFlow:Staff:Keys";

    /// <summary>The header a key is sent in.</summary>
    public const string Header = "X-MentorFlow-Key";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };
    private readonly Dictionary<StaffRole, byte[]> _keys;

    private StaffKeys(Dictionary<StaffRole, string> keys, string? createdAt)
    {
        Keys = keys;
        CreatedAt = createdAt;
        _keys = keys.ToDictionary(k => k.Key, k => Encoding.UTF8.GetBytes(k.Value));
    }

    /// <summary>The keys by role.</summary>
    public IReadOnlyDictionary<StaffRole, string> Keys { get; }

    /// <summary>The file the keys were just created in (first start), or null.</summary>
    public string? CreatedAt { get; }

    /// <summary>Reads the keys from configuration, or from (or into) <c>staff-keys.json</c> in <paramref name="dataFolder"/>.</summary>
    public static StaffKeys Load(IConfiguration configuration, string dataFolder)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(Section);
        var configured = Enum.GetValues<StaffRole>()
            .Select(role => (role, key: section[role.ToString()]))
            .Where(k => !string.IsNullOrWhiteSpace(k.key))
            .ToDictionary(k => k.role, k => k.key!);
        if (configured.Count > 0)
        {
            return new StaffKeys(configured, null);
        }

        var path = Path.Combine(dataFolder, "staff-keys.json");
        if (File.Exists(path))
        {
            return new StaffKeys(JsonSerializer.Deserialize<Dictionary<StaffRole, string>>(File.ReadAllText(path))
                ?? throw new InvalidOperationException($"{path} is empty: delete it and restart to create new staff keys."), null);
        }

        var created = Enum.GetValues<StaffRole>().ToDictionary(role => role, _ => Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_'));
        File.WriteAllText(path, JsonSerializer.Serialize(created, Indented));
        return new StaffKeys(created, path);
    }

    /// <summary>The role whose key <paramref name="presented"/> is, or null; compared in constant time.</summary>
    public StaffRole? RoleOf(string presented)
    {
        var bytes = Encoding.UTF8.GetBytes(presented);
        StaffRole? found = null;
        foreach (var (role, key) in _keys)
        {
            if (CryptographicOperations.FixedTimeEquals(bytes, key))
            {
                found = role;
            }
        }

        return found;
    }
}
