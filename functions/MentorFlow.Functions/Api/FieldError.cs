namespace MentorFlow.Functions.Api;

/// <summary>What is wrong with one field of a request, in words the sender can act on.</summary>
/// <param name="Field">The field, as the request names it, e.g. <c>mentor.yearsOfExperience</c>, or <c>line 3, column mentorEmail</c> in a CSV.</param>
/// <param name="Message">What is wrong and what to send instead.</param>
public sealed record FieldError(string Field, string Message);
