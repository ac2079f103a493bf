using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace MentorFlow.Reports.PowerBi;

/// <summary>
/// Surrogate keys from natural keys (a hash, not a counter), so the same pairing, school or district has the same key in
/// every refresh and Power BI's relationships survive one.
/// </summary>
public static class SurrogateKey
{
    /// <summary>A positive 63-bit key for <paramref name="naturalKey"/> in <paramref name="table"/>.</summary>
    public static long Of(string table, string naturalKey)
    {
        // As the interpolated "{table}\n{naturalKey}" hashed before: a null reads as empty.
        return Hash(table ?? "", null, naturalKey ?? "");
    }

    /// <summary>The key of <c>{scope}/{id}</c> in <paramref name="table"/>: <see cref="Of(string, string)"/> of <c>$"{scope}/{id}"</c>.</summary>
    internal static long Of(string table, string scope, string id) => Hash(table, scope, id);

    /// <summary>The date key, e.g. 20260907.</summary>
    public static int Of(DateOnly date) => (date.Year * 10000) + (date.Month * 100) + date.Day;

    // The UTF-8 of "{table}\n{scope}/{id}" (just "{table}\n{id}" without a scope) hashed from a buffer on the stack: a key per pairing,
    // mentee and mentor made two strings and two arrays each.
    private static long Hash(string table, string? scope, string id)
    {
        var chars = table.Length + 1 + (scope is null ? 0 : scope.Length + 1) + id.Length;
        var most = Encoding.UTF8.GetMaxByteCount(chars);
        byte[]? rented = null;
        var bytes = most <= 512 ? stackalloc byte[most] : (rented = ArrayPool<byte>.Shared.Rent(most));
        try
        {
            var n = Encoding.UTF8.GetBytes(table, bytes);
            bytes[n++] = (byte)'\n';
            if (scope is not null)
            {
                n += Encoding.UTF8.GetBytes(scope, bytes[n..]);
                bytes[n++] = (byte)'/';
            }

            n += Encoding.UTF8.GetBytes(id, bytes[n..]);
            Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(bytes[..n], hash);
            return BitConverter.ToInt64(hash) & long.MaxValue;
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }
}
