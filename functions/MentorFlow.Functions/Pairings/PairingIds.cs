using System.Security.Cryptography;
using System.Text;

namespace MentorFlow.Functions.Pairings;

/// <summary>
/// A pairing's id comes from what makes it the same pairing (district, year, mentee, mentor), so a repeated request
/// names the same pairing and the same orchestration instance.
/// </summary>
public static class PairingIds
{
    /// <summary>The id of the pairing of <paramref name="menteeId"/> with <paramref name="mentorId"/>.</summary>
    public static string For(string districtId, string programYear, string menteeId, string mentorId)
    {
        var natural = string.Join('\n', districtId, programYear, menteeId.Trim(), mentorId.Trim());
        return "p-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(natural)))[..20];
    }
}
