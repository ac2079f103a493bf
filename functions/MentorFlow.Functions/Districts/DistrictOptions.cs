using MentorFlow.Core.Settings;

namespace MentorFlow.Functions.Districts;

/// <summary>
/// One district as configured under <c>MentorFlow:Districts</c>: its id, its program year and any program
/// number it sets differently from the defaults (hours, deadlines, reminder cadence, ...).
/// </summary>
public sealed class DistrictOptions
{
    /// <summary>The district's id, as HR's requests name it.</summary>
    public string Id { get; set; } = "";

    /// <summary>The district's name, for pages and reports.</summary>
    public string Name { get; set; } = "";

    /// <summary>The calendar year the current program year starts in (September).</summary>
    public int ProgramYearStart { get; set; }

    /// <summary>Where escalations and alerts go.</summary>
    public string CoordinatorEmail { get; set; } = "";

    /// <summary>Hours a full-year pairing needs, when not the default 20.</summary>
    public decimal? FullYearHours { get; set; }

    /// <summary>Hours a half-year pairing needs, when not the default 10.</summary>
    public decimal? HalfYearHours { get; set; }

    /// <summary>Days to sign the action plan, when not the default 14.</summary>
    public int? ActionPlanDueDays { get; set; }

    /// <summary>Days between reminders, when not the default 3.</summary>
    public int? ReminderCadenceDays { get; set; }

    /// <summary>Reminders a waiting step sends each person before they stop (the coordinator is told when it is overdue); null for the program's default.</summary>
    public int? ReminderLimit { get; set; }

    /// <summary>School holidays (first and last day, name), over which reminders wait.</summary>
    public List<SchoolBreak> Breaks { get; set; } = [];

    /// <summary>The stipend each mentor is paid for the year (feeds "spend per mentee").</summary>
    public decimal MentorStipend { get; set; }

    /// <summary>Professional development points each mentor is awarded for the year.</summary>
    public int MentorPdps { get; set; }

    /// <summary>Two things going well, for the state report.</summary>
    public List<string> GoingWell { get; set; } = [];

    /// <summary>Two things to improve, for the state report.</summary>
    public List<string> ToImprove { get; set; } = [];

    /// <summary>The district's partnerships (universities, collaboratives, ...).</summary>
    public List<string> Partnerships { get; set; } = [];

    /// <summary>The district's program settings: the defaults with this district's numbers.</summary>
    public DistrictProgramSettings ToSettings()
    {
        var settings = DistrictProgramSettings.ForSchoolYear(Id, ProgramYearStart) with { CoordinatorEmail = CoordinatorEmail };
        return settings with
        {
            FullYearHours = FullYearHours ?? settings.FullYearHours,
            HalfYearHours = HalfYearHours ?? settings.HalfYearHours,
            ActionPlanDueDays = ActionPlanDueDays ?? settings.ActionPlanDueDays,
            ReminderCadenceDays = ReminderCadenceDays ?? settings.ReminderCadenceDays,
            ReminderLimit = ReminderLimit ?? settings.ReminderLimit,
            Breaks = Breaks.Count > 0 ? [.. Breaks.OrderBy(b => b.From)] : null,
        };
    }
}
