namespace MentorFlow.Core.Logs;

/// <summary>What a pair did together (the program's list of collaboration activities).</summary>
public enum CollaborationActivity
{
    /// <summary>The regular meeting.</summary>
    RegularMeeting,

    /// <summary>A brief mentoring conversation.</summary>
    BriefConversation,

    /// <summary>Mentor observes mentee, with pre- and post-conference.</summary>
    MentorObservesMentee,

    /// <summary>Mentee observes mentor, with pre- and post-conference.</summary>
    MenteeObservesMentor,

    /// <summary>Both observe another effective educator and conference about it.</summary>
    JointObservation,

    /// <summary>Analyze data together to decide next steps.</summary>
    DataAnalysis,

    /// <summary>Record a mentee lesson and review it.</summary>
    RecordedLessonReview,

    /// <summary>Evidence and artifacts of best practice.</summary>
    ArtifactsOfPractice,

    /// <summary>Recordkeeping protocols, documentation and management systems.</summary>
    RecordkeepingSupport,

    /// <summary>Review due-process expectations.</summary>
    DueProcessReview,

    /// <summary>Review student work and plan next steps.</summary>
    StudentWorkReview,

    /// <summary>Organize space or materials; analyze workflow.</summary>
    OrganizingSpaceAndWorkflow,

    /// <summary>An equitable family communication plan.</summary>
    FamilyCommunicationPlan,

    /// <summary>Unpack a lesson for culturally relevant practice and equity.</summary>
    CulturallyRelevantLessonUnpacking,
}
