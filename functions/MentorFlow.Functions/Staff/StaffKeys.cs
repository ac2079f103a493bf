using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace MentorFlow.Functions.Staff;

/// <summary>
/// One secret key per staff role for the embedded mode: from configuration (<c>MentorFlow:Staff:Keys:Hr</c>, ...) when set,
/// otherwise generated at first start and kept in the data folder (<c>staff-keys.json</c>), printed once so the operator can
/// hand them out, shown again or rotated with the <c>staff-keys</c> command. Keys kept in the file are read again when
/// the file changes, so a rotated key stops working in the running app at once.
/// </summary>
public sealed class StaffKeys
{
    /// <summary>The configuration section of the keys.</summary>
    public const string Section = "MentorFlow:Staff:Keys";

    /// <summary>The header a key is sent in.</summary>
    public const string Header = "X-MentorFlow-Key";

    /// <summary>The file in the data folder that keeps generated keys.</summary>
    public const string FileName = "staff-keys.json";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };
    private readonly string? _file;
    private Loaded _loaded;

    private StaffKeys(Dictionary<StaffRole, string> keys, string? createdAt, string? file)
    {
        CreatedAt = createdAt;
        _file = file;
        _loaded = new Loaded(keys, file is null ? default : File.GetLastWriteTimeUtc(file));
    }

    /// <summary>The keys by role (as the file now holds them, when they come from the file).</summary>
    public IReadOnlyDictionary<StaffRole, string> Keys => Current.Keys;

    /// <summary>The file the keys were just created in (first start), or null.</summary>
    public string? CreatedAt { get; }

    /// <summary>True when the keys come from configuration, where only the operator changes them.</summary>
    public bool Configured => _file is null;

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
            return new StaffKeys(configured, null, null);
        }

        var path = Path.Combine(dataFolder, FileName);
        if (File.Exists(path))
        {
            return new StaffKeys(Read(path), null, path);
        }

        var created = Enum.GetValues<StaffRole>().ToDictionary(role => role, _ => NewKey());
        Write(path, created);
        return new StaffKeys(created, path, path);
    }

    /// <summary>
    /// Gives <paramref name="role"/> a new key in the file the keys are kept in and returns it; the other roles keep theirs.
    /// Refused (<see cref="InvalidOperationException"/>) when the keys come from configuration.
    /// </summary>
    public string Rotate(StaffRole role)
    {
        if (_file is null)
        {
            throw new InvalidOperationException($"The staff keys come from configuration ({Section}:*); change {Section}:{role} there and restart.");
        }

        var keys = new Dictionary<StaffRole, string>(Read(_file)) { [role] = NewKey() };
        Write(_file, keys);
        return keys[role];
    }

    /// <summary>
    /// A short one-way mark of <paramref name="role"/>'s current key, kept in a staff sign-in cookie so a session signed in
    /// with a key that was rotated since ends; it does not reveal the key.
    /// </summary>
    public string Fingerprint(StaffRole role) =>
        Current.Bytes.TryGetValue(role, out var key) ? Convert.ToHexStringLower(SHA256.HashData(key))[..16] : "";

    /// <summary>The role whose key <paramref name="presented"/> is, or null; compared in constant time.</summary>
    public StaffRole? RoleOf(string presented)
    {
        var bytes = Encoding.UTF8.GetBytes(presented);
        StaffRole? found = null;
        foreach (var (role, key) in Current.Bytes)
        {
            if (CryptographicOperations.FixedTimeEquals(bytes, key))
            {
                found = role;
            }
        }

        return found;
    }

    // The keys as the file holds them now: a rotation by the staff-keys command (another process) changes the file.
    private Loaded Current
    {
        get
        {
            var loaded = Volatile.Read(ref _loaded);
            // A file gone missing keeps the keys in use: staff are not locked out by it.
            if (_file is null || !File.Exists(_file) || File.GetLastWriteTimeUtc(_file) is var writtenAt && writtenAt == loaded.WrittenAt)
            {
                return loaded;
            }

            var reloaded = new Loaded(Read(_file), writtenAt);
            Volatile.Write(ref _loaded, reloaded);
            return reloaded;
        }
    }

    private static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_');

    private static Dictionary<StaffRole, string> Read(string path) =>
        JsonSerializer.Deserialize<Dictionary<StaffRole, string>>(File.ReadAllText(path))
            ?? throw new InvalidOperationException($"{path} is empty: delete it and restart to create new staff keys.");

    // Written beside and moved over the old file, so the app never reads half a file and a crash leaves one whole.
    private static void Write(string path, Dictionary<StaffRole, string> keys)
    {
        var next = path + ".next";
        File.WriteAllText(next, JsonSerializer.Serialize(keys, Indented));
        File.Move(next, path, overwrite: true);
    }

    private sealed class Loaded(Dictionary<StaffRole, string> keys, DateTime writtenAt)
    {
        public IReadOnlyDictionary<StaffRole, string> Keys { get; } = keys;

        public Dictionary<StaffRole, byte[]> Bytes { get; } = keys.ToDictionary(k => k.Key, k => Encoding.UTF8.GetBytes(k.Value));

        public DateTime WrittenAt { get; } = writtenAt;
    }
}
