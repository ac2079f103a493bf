using System.Text.Json.Serialization;

namespace MentorFlow.Reports.PowerBi;

/// <summary>One logged meeting or conversation (time and kind only).</summary>
public sealed class InteractionRow
{
    /// <summary>The pairing.</summary>
    [JsonPropertyName("pairing_key")] public long PairingKey { get; set; }

    /// <summary>The day.</summary>
    [JsonPropertyName("date_key")] public int DateKey { get; set; }

    /// <summary>The first activity type.</summary>
    [JsonPropertyName("activity_type_key")] public long ActivityTypeKey { get; set; }

    /// <summary>How many activity types it covered.</summary>
    [JsonPropertyName("activity_count")] public int ActivityCount { get; set; }

    /// <summary>Minutes.</summary>
    [JsonPropertyName("minutes")] public int Minutes { get; set; }

    /// <summary>By video or phone.</summary>
    [JsonPropertyName("is_virtual")] public bool IsVirtual { get; set; }

    /// <summary>Outside the contract day.</summary>
    [JsonPropertyName("outside_contract_day")] public bool OutsideContractDay { get; set; }

    /// <summary>The mentee confirmed the time.</summary>
    [JsonPropertyName("confirmed")] public bool Confirmed { get; set; }
}

/// <summary>One observation cycle.</summary>
public sealed class ObservationRow
{
    /// <summary>The pairing.</summary>
    [JsonPropertyName("pairing_key")] public long PairingKey { get; set; }

    /// <summary>The observation day.</summary>
    [JsonPropertyName("date_key")] public int DateKey { get; set; }

    /// <summary>Who observed whom.</summary>
    [JsonPropertyName("observation_type")] public string ObservationType { get; set; } = "";

    /// <summary>Substitute hours used.</summary>
    [JsonPropertyName("substitute_hours")] public double SubstituteHours { get; set; }
}

/// <summary>One pairing's year, as its outcome gives it.</summary>
public sealed class PairingYearRow
{
    /// <summary>The pairing.</summary>
    [JsonPropertyName("pairing_key")] public long PairingKey { get; set; }

    /// <summary>The school.</summary>
    [JsonPropertyName("school_key")] public long SchoolKey { get; set; }

    /// <summary>The mentee (a surrogate key, no name or employee id).</summary>
    [JsonPropertyName("mentee_key")] public long MenteeKey { get; set; }

    /// <summary>The mentor (a surrogate key).</summary>
    [JsonPropertyName("mentor_key")] public long MentorKey { get; set; }

    /// <summary>The first day.</summary>
    [JsonPropertyName("start_date_key")] public int StartDateKey { get; set; }

    /// <summary>The mentee's induction year, 1 to 3 (a later year counts as 3).</summary>
    [JsonPropertyName("induction_year")] public int InductionYear { get; set; }

    /// <summary>Hours the term requires.</summary>
    [JsonPropertyName("required_hours")] public double RequiredHours { get; set; }

    /// <summary>Confirmed hours outside the contract day.</summary>
    [JsonPropertyName("confirmed_hours_outside")] public double ConfirmedHoursOutside { get; set; }

    /// <summary>The requirement is met.</summary>
    [JsonPropertyName("requirement_met")] public bool RequirementMet { get; set; }

    /// <summary>InProgress, Completed, Incomplete or Separated.</summary>
    [JsonPropertyName("outcome")] public string Outcome { get; set; } = "";

    /// <summary>Weekly, EveryTwoWeeks, Monthly or Less.</summary>
    [JsonPropertyName("meeting_frequency")] public string MeetingFrequency { get; set; } = "";

    /// <summary>The mentee stayed in the district.</summary>
    [JsonPropertyName("mentee_retained")] public bool MenteeRetained { get; set; }

    /// <summary>Both signed the action plan.</summary>
    [JsonPropertyName("plan_started")] public bool PlanStarted { get; set; }

    /// <summary>The mentor's rating, 1–5; empty when not given or the plan never started.</summary>
    [JsonPropertyName("mentor_satisfaction")] public int? MentorSatisfaction { get; set; }

    /// <summary>The mentee's rating, 1–5; empty when not given or the plan never started.</summary>
    [JsonPropertyName("mentee_satisfaction")] public int? MenteeSatisfaction { get; set; }

    /// <summary>The mentor was assigned within two weeks of the mentee's first day.</summary>
    [JsonPropertyName("assigned_within_two_weeks")] public bool AssignedWithinTwoWeeks { get; set; }

    /// <summary>HR reports the mentee employed by the district on 1 October of the next school year; empty until HR sends it.</summary>
    [JsonPropertyName("mentee_employed_next_year")] public bool? MenteeEmployedNextYear { get; set; }
}

/// <summary>A mentor in a pairing this year, for training and incentives.</summary>
public sealed class MentorRow
{
    /// <summary>The mentor (a surrogate key).</summary>
    [JsonPropertyName("mentor_key")] public long MentorKey { get; set; }

    /// <summary>Completed mentor training.</summary>
    [JsonPropertyName("trained")] public bool Trained { get; set; }

    /// <summary>Stipend paid.</summary>
    [JsonPropertyName("stipend")] public double Stipend { get; set; }

    /// <summary>PDPs awarded.</summary>
    [JsonPropertyName("pdps")] public int Pdps { get; set; }
}

/// <summary>A calendar day.</summary>
public sealed class DateRow
{
    /// <summary>yyyymmdd.</summary>
    [JsonPropertyName("date_key")] public int DateKey { get; set; }

    /// <summary>The day.</summary>
    [JsonPropertyName("date")] public DateOnly Date { get; set; }

    /// <summary>Calendar year.</summary>
    [JsonPropertyName("year")] public int Year { get; set; }

    /// <summary>Month number.</summary>
    [JsonPropertyName("month")] public int Month { get; set; }

    /// <summary>Month name.</summary>
    [JsonPropertyName("month_name")] public string MonthName { get; set; } = "";

    /// <summary>ISO week number.</summary>
    [JsonPropertyName("iso_week")] public int IsoWeek { get; set; }

    /// <summary>ISO week-numbering year.</summary>
    [JsonPropertyName("iso_year")] public int IsoYear { get; set; }

    /// <summary>Monday of the week.</summary>
    [JsonPropertyName("week_start")] public DateOnly WeekStart { get; set; }

    /// <summary>Weekday name.</summary>
    [JsonPropertyName("weekday")] public string Weekday { get; set; } = "";

    /// <summary>The program year the day falls in, from the district's calendar, e.g. 2026-2027.</summary>
    [JsonPropertyName("school_year")] public string SchoolYear { get; set; } = "";

    /// <summary>FirstHalf, BetweenTerms, SecondHalf, BeforeYear or AfterYear, from the district's configured term dates.</summary>
    [JsonPropertyName("term")] public string Term { get; set; } = "";
}

/// <summary>A district.</summary>
public sealed class DistrictRow
{
    /// <summary>The district.</summary>
    [JsonPropertyName("district_key")] public long DistrictKey { get; set; }

    /// <summary>Its id.</summary>
    [JsonPropertyName("district_id")] public string DistrictId { get; set; } = "";

    /// <summary>Its name.</summary>
    [JsonPropertyName("district_name")] public string DistrictName { get; set; } = "";

    /// <summary>Beginning educators HR hired for the year, paired or not; empty until HR sends it.</summary>
    [JsonPropertyName("beginning_teachers_hired")] public int? BeginningTeachersHired { get; set; }
}

/// <summary>A school of the district.</summary>
public sealed class SchoolRow
{
    /// <summary>The school.</summary>
    [JsonPropertyName("school_key")] public long SchoolKey { get; set; }

    /// <summary>Its district.</summary>
    [JsonPropertyName("district_key")] public long DistrictKey { get; set; }

    /// <summary>Its name.</summary>
    [JsonPropertyName("school_name")] public string SchoolName { get; set; } = "";
}

/// <summary>A pairing, without names.</summary>
public sealed class PairingRow
{
    /// <summary>The pairing.</summary>
    [JsonPropertyName("pairing_key")] public long PairingKey { get; set; }

    /// <summary>Its district.</summary>
    [JsonPropertyName("district_key")] public long DistrictKey { get; set; }

    /// <summary>Its school.</summary>
    [JsonPropertyName("school_key")] public long SchoolKey { get; set; }

    /// <summary>The mentee's induction year.</summary>
    [JsonPropertyName("induction_year")] public int InductionYear { get; set; }

    /// <summary>FullYear, FirstHalf or SecondHalf.</summary>
    [JsonPropertyName("term")] public string Term { get; set; } = "";
}

/// <summary>A collaboration activity type.</summary>
public sealed class ActivityTypeRow
{
    /// <summary>The activity type.</summary>
    [JsonPropertyName("activity_type_key")] public long ActivityTypeKey { get; set; }

    /// <summary>Its name.</summary>
    [JsonPropertyName("activity_type")] public string ActivityType { get; set; } = "";
}
