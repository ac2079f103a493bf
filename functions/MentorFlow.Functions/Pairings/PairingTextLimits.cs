using System.Globalization;
using MentorFlow.Functions.Api;

namespace MentorFlow.Functions.Pairings;

/// <summary>
/// How long each text HR sends may be, and that none holds a control character (a tab, a line break, U+0000...): names,
/// schools and emails end up in emails, pages and spreadsheets, where such text breaks the layout or hides what it says.
/// The same limits hold for the JSON webhook and each CSV row.
/// </summary>
public static class PairingTextLimits
{
    /// <summary>The longest name of a person.</summary>
    public const int Name = 200;

    /// <summary>The longest school name.</summary>
    public const int School = 200;

    /// <summary>The longest HR employee id.</summary>
    public const int EmployeeId = 64;

    /// <summary>The longest email address (what mail servers accept).</summary>
    public const int Email = 254;

    /// <summary>The longest district id.</summary>
    public const int DistrictId = 64;

    /// <summary>The longest program year text (the rules then want e.g. 2026-2027).</summary>
    public const int ProgramYear = 20;

    /// <summary>The longest eligibility override reason.</summary>
    public const int EligibilityOverride = 1000;

    /// <summary>Each text field of <paramref name="request"/> that is too long or holds a control character, named as the JSON names it.</summary>
    public static IReadOnlyList<FieldError> Check(PairingRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new List<FieldError>();
        Check(errors, "districtId", request.DistrictId, DistrictId);
        Check(errors, "programYear", request.ProgramYear, ProgramYear);
        Check(errors, "school", request.School, School);
        Check(errors, "eligibilityOverride", request.EligibilityOverride, EligibilityOverride);
        foreach (var (who, person) in new[] { ("mentor", request.Mentor), ("mentee", request.Mentee) })
        {
            Check(errors, $"{who}.employeeId", person.EmployeeId, EmployeeId);
            Check(errors, $"{who}.name", person.Name, Name);
            Check(errors, $"{who}.email", person.Email, Email);
            Check(errors, $"{who}.school", person.School, School);
        }

        return errors;
    }

    /// <summary>What is wrong with one text: too long, or holding a control character; the message never repeats the text (it may be a name).</summary>
    public static IReadOnlyList<FieldError> Check(string field, string? text, int limit)
    {
        var errors = new List<FieldError>();
        Check(errors, field, text, limit);
        return errors;
    }

    private static void Check(List<FieldError> errors, string field, string? text, int limit)
    {
        if (text is null)
        {
            return;
        }

        if (text.Length > limit)
        {
            errors.Add(new FieldError(field, string.Create(CultureInfo.InvariantCulture, $"must be at most {limit:N0} characters; this has {text.Length:N0}.")));
        }

        if (text.Any(char.IsControl))
        {
            errors.Add(new FieldError(field, "must not contain control characters (tabs, line breaks, U+0000 and the like); remove them."));
        }
    }
}
