namespace MentorFlow.Durable.Partitions;

/// <summary>
/// Which partition holds an instance: a hash of its id (FNV-1a over its UTF-16 code units, the same in every
/// process and on every machine, unlike <see cref="string.GetHashCode()"/>) modulo the partition count.
/// </summary>
public static class PartitionKey
{
    /// <summary>The partition, from 0 to <paramref name="partitions"/> − 1, that holds <paramref name="instanceId"/>.</summary>
    public static int Of(string instanceId, int partitions)
    {
        ArgumentNullException.ThrowIfNull(instanceId);
        ArgumentOutOfRangeException.ThrowIfLessThan(partitions, 1);
        var hash = 2166136261u;
        foreach (var c in instanceId)
        {
            hash = unchecked((hash ^ c) * 16777619u);
        }

        return (int)(hash % (uint)partitions);
    }
}
