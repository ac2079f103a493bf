using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using MentorFlow.Functions.Api;
using Microsoft.AspNetCore.Identity;

namespace MentorFlow.Functions.Staff;

/// <summary>
/// The staff accounts of one machine: from configuration (<c>MentorFlow:Staff:Accounts:0:Email</c>, <c>:Name</c>,
/// <c>:Roles:0</c>, <c>:PasswordHash</c>) and from <c>staff-accounts.json</c> in the data folder, which the
/// <c>staff-accounts</c> command keeps. The file is read again when it changes, so an account removed or a password changed
/// there counts in the running app at once. Passwords are kept only as <see cref="PasswordHasher{TUser}"/> hashes.
/// </summary>
public sealed class StaffAccounts
{
    /// <summary>The configuration section of accounts set by the operator.</summary>
    public const string Section = "MentorFlow:Staff:Accounts";

    /// <summary>The file in the data folder that keeps the command's accounts.</summary>
    public const string FileName = "staff-accounts.json";

    /// <summary>The fewest characters a chosen password may have.</summary>
    public const int MinimumPasswordLength = 12;

    private static readonly PasswordHasher<StaffAccount> Hasher = new();
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true, Converters = { new JsonStringEnumConverter() } };

    // Checked against when no account has the email, so a wrong email takes as long as a wrong password and tells nothing.
    private static readonly Lazy<string> NobodysHash = new(() => Hash(Convert.ToBase64String(RandomNumberGenerator.GetBytes(16))));

    private readonly IReadOnlyList<StaffAccount> _configured;
    private Loaded _loaded;

    private StaffAccounts(IReadOnlyList<StaffAccount> configured, string file)
    {
        _configured = configured;
        FilePath = file;
        _loaded = Read(file);
    }

    /// <summary>Where the command's accounts are kept (the file may not exist yet: then there are none).</summary>
    public string FilePath { get; }

    /// <summary>Every account: those from configuration first, then the file's (an email set in configuration wins).</summary>
    public IReadOnlyList<StaffAccount> All =>
        [.. _configured, .. Current.Accounts.Where(a => !_configured.Any(c => SameEmail(c.Email, a.Email)))];

    /// <summary>Reads the accounts set in <paramref name="configuration"/> and kept in <paramref name="dataFolder"/>.</summary>
    public static StaffAccounts Load(IConfiguration configuration, string dataFolder)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return new StaffAccounts([.. configuration.GetSection(Section).GetChildren().Select(Configured)], Path.Combine(dataFolder, FileName));
    }

    /// <summary>A new hash of <paramref name="password"/>, for the file or for <c>MentorFlow:Staff:Accounts:*:PasswordHash</c>.</summary>
    public static string Hash(string password) => Hasher.HashPassword(null!, password);

    /// <summary>True when the account with <paramref name="email"/> is set in configuration, where only the operator changes it.</summary>
    public bool IsConfigured(string email) => _configured.Any(a => SameEmail(a.Email, email));

    /// <summary>The account signed in with <paramref name="email"/>, or null.</summary>
    public StaffAccount? Find(string email) => All.FirstOrDefault(a => SameEmail(a.Email, email.Trim()));

    /// <summary>The account when <paramref name="password"/> is its password; null when the email or the password is wrong, alike.</summary>
    public StaffAccount? SignIn(string email, string password)
    {
        ArgumentNullException.ThrowIfNull(email);
        ArgumentNullException.ThrowIfNull(password);
        var account = Find(email);
        var verified = Hasher.VerifyHashedPassword(account!, account?.PasswordHash ?? NobodysHash.Value, password);
        return account is not null && verified != PasswordVerificationResult.Failed ? account : null;
    }

    /// <summary>
    /// A short one-way mark of the account as it is now (email, name, roles, password hash), kept in its sign-in cookie so
    /// the session ends when the account is removed or changed; null when no account has <paramref name="email"/>.
    /// </summary>
    public string? Fingerprint(string email) => Find(email) is { } account ? FingerprintOf(account) : null;

    /// <summary>Adds an account to the file; refused (<see cref="InvalidOperationException"/>) when the email has one.</summary>
    public StaffAccount Add(string email, string name, IReadOnlyList<StaffRole> roles, string password)
    {
        if (Find(email) is not null)
        {
            throw new InvalidOperationException($"{email} already has an account; 'staff-accounts password --email {email}' gives it a new password.");
        }

        var account = new StaffAccount(email.Trim(), name.Trim(), roles, Hash(password));
        Write([.. Current.Accounts, account]);
        return account;
    }

    /// <summary>Removes the account of <paramref name="email"/> from the file; its sessions end.</summary>
    public void Remove(string email)
    {
        var account = Kept(email);
        Write([.. Current.Accounts.Where(a => a != account)]);
    }

    /// <summary>Gives the account of <paramref name="email"/> a new password; its sessions end.</summary>
    public void ChangePassword(string email, string password)
    {
        var account = Kept(email);
        Write([.. Current.Accounts.Select(a => a == account ? a with { PasswordHash = Hash(password) } : a)]);
    }

    private static string FingerprintOf(StaffAccount account) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
            string.Join('\n', account.Email.ToUpperInvariant(), account.Name, string.Join(',', account.Roles), account.PasswordHash))))[..16];

    private static bool SameEmail(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    // The file's account of email: one set in configuration, or none, cannot be changed here.
    private StaffAccount Kept(string email)
    {
        if (IsConfigured(email))
        {
            throw new InvalidOperationException($"{email} is set in configuration ({Section}:*); change or remove it there and restart the app.");
        }

        return Current.Accounts.FirstOrDefault(a => SameEmail(a.Email, email.Trim()))
            ?? throw new InvalidOperationException($"No account has the email {email}; 'staff-accounts list' shows the accounts there are.");
    }

    private static StaffAccount Configured(IConfigurationSection entry)
    {
        var roles = entry.GetSection("Roles").GetChildren().Select(r => r.Value).ToList();
        var known = roles.Select(r => TypedText.Named<StaffRole>(r, ignoreCase: true)).ToList();
        if (string.IsNullOrWhiteSpace(entry["Email"]) || string.IsNullOrWhiteSpace(entry["Name"]) || string.IsNullOrWhiteSpace(entry["PasswordHash"])
            || known.Count == 0 || known.Contains(null))
        {
            throw new InvalidOperationException(
                $"{Section}:{entry.Key} needs Email, Name, Roles:0 (Hr, Coordinator or Analyst) and PasswordHash; " +
                "'staff-accounts hash' prints the hash of a password.");
        }

        return new StaffAccount(entry["Email"]!.Trim(), entry["Name"]!.Trim(), [.. known.OfType<StaffRole>().Distinct()], entry["PasswordHash"]!);
    }

    // The accounts as the file holds them now: the staff-accounts command (another process) changes the file.
    private Loaded Current
    {
        get
        {
            var loaded = Volatile.Read(ref _loaded);
            if (WrittenAt(FilePath) == loaded.WrittenAt)
            {
                return loaded;
            }

            var reloaded = Read(FilePath);
            Volatile.Write(ref _loaded, reloaded);
            return reloaded;
        }
    }

    private static DateTime WrittenAt(string path) => File.Exists(path) ? File.GetLastWriteTimeUtc(path) : default;

    private static Loaded Read(string path) => File.Exists(path)
        ? new Loaded(JsonSerializer.Deserialize<List<StaffAccount>>(File.ReadAllText(path), Json)
            ?? throw new InvalidOperationException($"{path} is empty: delete it, and add the accounts again with the staff-accounts command."), WrittenAt(path))
        : new Loaded([], default);

    // Written beside and moved over the old file, so the app never reads half a file and a crash leaves one whole.
    private void Write(List<StaffAccount> accounts)
    {
        var next = FilePath + ".next";
        File.WriteAllText(next, JsonSerializer.Serialize(accounts, Json));
        File.Move(next, FilePath, overwrite: true);
        Volatile.Write(ref _loaded, new Loaded(accounts, WrittenAt(FilePath)));
    }

    private sealed record Loaded(IReadOnlyList<StaffAccount> Accounts, DateTime WrittenAt);
}
