using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using MentorFlow.Core.Messaging;

namespace MentorFlow.Functions.Links;

/// <summary>Why a link does not open its step.</summary>
public enum StepLinkProblem
{
    /// <summary>It opens its step.</summary>
    None,

    /// <summary>It was changed, cut short, or signed with another key.</summary>
    Tampered,

    /// <summary>It is genuine but past its expiry.</summary>
    Expired,
}

/// <summary>
/// Signs and checks the <c>/s/{token}</c> links in emails: the token carries the pairing, the person, the step and an
/// expiry, with an HMAC-SHA256 over them. The key comes from <c>MentorFlow:Links:Key</c>, or is generated once and kept
/// in the data folder, so links survive restarts.
/// </summary>
public sealed class StepLinkSigner
{
    /// <summary>The setting holding the key (base64, at least 32 bytes).</summary>
    public const string KeySetting = "MentorFlow:Links:Key";

    /// <summary>The key's file in the data folder when it is not configured.</summary>
    public const string KeyFile = "link-key";

    private readonly byte[] _key;

    /// <summary>Signs with <paramref name="key"/>.</summary>
    public StepLinkSigner(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length < 32)
        {
            throw new ArgumentException($"The link key must be at least 32 bytes; set {KeySetting} to 32 random bytes in base64.", nameof(key));
        }

        _key = key;
    }

    /// <summary>The key from configuration, or from (or into) <c>link-key</c> in <paramref name="dataFolder"/>.</summary>
    public static StepLinkSigner Load(IConfiguration configuration, string dataFolder)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (configuration[KeySetting] is { Length: > 0 } configured)
        {
            try
            {
                return new StepLinkSigner(Convert.FromBase64String(configured));
            }
            catch (FormatException)
            {
                throw new InvalidOperationException($"{KeySetting} is not base64; set it to 32 random bytes in base64 (e.g. openssl rand -base64 32).");
            }
        }

        var path = Path.Combine(dataFolder, KeyFile);
        if (!File.Exists(path))
        {
            // Written aside and moved into place, so a crash never leaves a half-written key behind.
            var written = $"{path}.{Guid.NewGuid():N}.new";
            File.WriteAllText(written, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
            try
            {
                File.Move(written, path);
            }
            catch (IOException) when (File.Exists(path))
            {
                File.Delete(written); // another app process on this folder wrote it first: use theirs
            }
        }

        try
        {
            return new StepLinkSigner(Convert.FromBase64String(File.ReadAllText(path).Trim()));
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException)
        {
            throw new Health.DataFolderProblemException(
                $"The link key {path} is damaged (not 32 or more bytes in base64). Restore it from your latest backup, or set {KeySetting} to the key.", ex);
        }
    }

    /// <summary>The token for <paramref name="link"/>.</summary>
    public string Sign(StepLink link)
    {
        ArgumentNullException.ThrowIfNull(link);
        var payload = string.Join('|', link.PairingId, link.Person.ToString(), link.Step,
            link.ExpiresAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        var bytes = Encoding.UTF8.GetBytes(payload);
        return $"{Base64Url(bytes)}.{Base64Url(HMACSHA256.HashData(_key, bytes))}";
    }

    /// <summary>Reads <paramref name="token"/>: the link when genuine, and whether it may still be used at <paramref name="now"/>.</summary>
    public (StepLink? Link, StepLinkProblem Problem) Read(string? token, DateTimeOffset now)
    {
        var parts = (token ?? "").Split('.');
        if (parts.Length != 2 || FromBase64Url(parts[0]) is not { } payload || FromBase64Url(parts[1]) is not { } signature
            || !CryptographicOperations.FixedTimeEquals(HMACSHA256.HashData(_key, payload), signature))
        {
            return (null, StepLinkProblem.Tampered);
        }

        var fields = Encoding.UTF8.GetString(payload).Split('|');
        if (fields.Length != 4 || !Enum.TryParse<RecipientRole>(fields[1], out var person)
            || !long.TryParse(fields[3], NumberStyles.Integer, CultureInfo.InvariantCulture, out var expires))
        {
            return (null, StepLinkProblem.Tampered);
        }

        var link = new StepLink(fields[0], person, fields[2], DateTimeOffset.FromUnixTimeSeconds(expires));
        return (link, now > link.ExpiresAt ? StepLinkProblem.Expired : StepLinkProblem.None);
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[]? FromBase64Url(string text)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        padded += new string('=', (4 - (padded.Length % 4)) % 4);
        try
        {
            var bytes = Convert.FromBase64String(padded);
            // Only the one encoding Sign writes: otherwise a changed last character (unused low bits) still opens the link.
            return Base64Url(bytes) == text ? bytes : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
