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
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{table}\n{naturalKey}"));
        return BitConverter.ToInt64(hash, 0) & long.MaxValue;
    }

    /// <summary>The date key, e.g. 20260907.</summary>
    public static int Of(DateOnly date) => (date.Year * 10000) + (date.Month * 100) + date.Day;
}
