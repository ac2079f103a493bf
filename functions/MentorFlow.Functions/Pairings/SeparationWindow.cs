using System.Globalization;
using MentorFlow.Core.Settings;
using MentorFlow.Functions.Api;
using MentorFlow.Functions.Records;

namespace MentorFlow.Functions.Pairings;

/// <summary>
/// When a pairing can have ended: within its program year, whose last day is the year's end plus the extension a
/// coordinator may grant (so a pairing that ran on into the summer can still be ended). A date years away is a typo.
/// </summary>
public static class SeparationWindow
{
    /// <summary>The error for <paramref name="endedOn"/> when it falls after <paramref name="record"/>'s program year; empty when it fits.</summary>
    public static IReadOnlyList<FieldError> Check(PairingRecord record, DateOnly endedOn, DistrictProgramSettings? district)
    {
        ArgumentNullException.ThrowIfNull(record);
        var pairing = record.Pairing;
        // The district's settings describe its current year; a pairing of another year gets that year's defaults.
        var settings = district is not null && district.ProgramYear == pairing.ProgramYear
            ? district
            : DistrictProgramSettings.ForSchoolYear(pairing.DistrictId, pairing.StartsOn.Month >= 7 ? pairing.StartsOn.Year : pairing.StartsOn.Year - 1);
        var lastDay = settings.YearEnd.AddDays(settings.ExtensionDays);
        return endedOn <= lastDay
            ? []
            : [new FieldError("endedOn", string.Create(CultureInfo.InvariantCulture,
                $"the end date must fall in the pairing's {pairing.ProgramYear} program year, from {pairing.StartsOn:yyyy-MM-dd} to {lastDay:yyyy-MM-dd} (the year's end, {settings.YearEnd:yyyy-MM-dd}, plus the {settings.ExtensionDays} days an extension may add)."))];
    }
}
