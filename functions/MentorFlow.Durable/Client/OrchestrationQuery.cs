namespace MentorFlow.Durable;

/// <summary>Which instances <see cref="DurableTaskClient.GetAllInstancesAsync"/> lists.</summary>
/// <param name="Statuses">Only these statuses, when set.</param>
/// <param name="CreatedFrom">Created at or after, when set.</param>
/// <param name="CreatedTo">Created before, when set.</param>
/// <param name="InstanceIdPrefix">Ids starting with this, when set.</param>
/// <param name="PageSize">Instances per page, 1 to 1000.</param>
/// <param name="ContinuationToken">Where the previous page stopped; null for the first page.</param>
public sealed record OrchestrationQuery(
    IReadOnlyCollection<OrchestrationRuntimeStatus>? Statuses = null,
    DateTime? CreatedFrom = null,
    DateTime? CreatedTo = null,
    string? InstanceIdPrefix = null,
    int PageSize = 100,
    string? ContinuationToken = null);

/// <summary>One page of instances, and the token for the next one (null on the last page).</summary>
public sealed record OrchestrationPage(IReadOnlyList<OrchestrationMetadata> Instances, string? ContinuationToken);
