namespace MentorFlow.Functions.Pages;

/// <summary>What the page says when the data disk refused to save a form.</summary>
/// <param name="Reason">What is wrong with the disk, in a sentence.</param>
public sealed record SaveRefusedView(string Reason);
