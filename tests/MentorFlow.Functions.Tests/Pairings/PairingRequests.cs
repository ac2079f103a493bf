namespace MentorFlow.Functions.Tests.Pairings;

/// <summary>Request bodies as HR's system would send them.</summary>
internal static class PairingRequests
{
    public static object Valid(string menteeId = "E2001", string mentorId = "E1001", string startsOn = "2026-09-01") => new
    {
        districtId = "demo-district",
        programYear = "2026-2027",
        school = "Lincoln Elementary",
        inductionYear = 1,
        term = "FullYear",
        startsOn,
        mentor = new
        {
            employeeId = mentorId,
            name = "Maria Alvarez",
            email = "maria.alvarez@demo-district.example",
            role = "Teacher",
            school = "Lincoln Elementary",
            yearsOfExperience = 12,
            mentorTrainedOn = "2024-06-20",
            rating = "Proficient",
        },
        mentee = new
        {
            employeeId = menteeId,
            name = "Sam Okafor",
            email = "sam.okafor@demo-district.example",
            role = "Teacher",
            school = "Lincoln Elementary",
            yearsOfExperience = 0,
        },
    };

    /// <summary>The valid body as JSON text, with <paramref name="replace"/> applied to it.</summary>
    public static string ValidJson(Func<string, string>? replace = null)
    {
        var json = System.Text.Json.JsonSerializer.Serialize(Valid());
        return replace is null ? json : replace(json);
    }
}
