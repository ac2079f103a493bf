using MentorFlow.Durable.Partitions;
using MentorFlow.Durable.Worker;

namespace MentorFlow.Durable.Sqlite;

/// <summary>
/// The embedded engine as several SQLite files, one per partition: the first at the given path, the others beside it
/// (<c>engine.db</c>, <c>engine.p1.db</c>, …). Each file records its place in the layout when the store is created, and
/// the layout never changes afterwards, because an instance's partition follows from its id and the partition count.
/// </summary>
public static class SqlitePartitions
{
    /// <summary>Partitions of a new store: one writer per core of the 2-core plan the app is sized for.</summary>
    public const int DefaultCount = 2;

    /// <summary>
    /// Opens (creating when needed) the partitioned store whose first file is <paramref name="path"/>. A new store gets
    /// <paramref name="partitions"/> partitions; an existing one keeps its recorded count, and a database from before
    /// partitions (instances but no layout) stays a single partition.
    /// </summary>
    public static PartitionedOrchestrationStore Open(string path, int partitions = DefaultCount)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentOutOfRangeException.ThrowIfLessThan(partitions, 1);
        var first = new SqliteOrchestrationStore(path);
        var (index, count) = first.ReadPartitionLayout() ?? first.RecordPartitionLayout(0, first.IsEmpty() ? partitions : 1);
        if (index != 0)
        {
            throw new InvalidOperationException(
                $"'{path}' is partition {index + 1} of {count} of an engine store, not its first file: open the store from the file without '.p{index}'.");
        }

        var stores = new List<IOrchestrationStore> { first };
        for (var i = 1; i < count; i++)
        {
            var file = FileOf(path, i);
            var store = new SqliteOrchestrationStore(file);
            var recorded = store.ReadPartitionLayout() ?? (store.IsEmpty() ? store.RecordPartitionLayout(i, count) : (-1, -1));
            if (recorded != (i, count))
            {
                throw new InvalidOperationException(
                    $"'{file}' does not hold partition {i + 1} of {count} of the engine store at '{path}'; restore the files of one store together.");
            }

            stores.Add(store);
        }

        return new PartitionedOrchestrationStore(stores);
    }

    /// <summary>The file of partition <paramref name="index"/> of the store whose first file is <paramref name="path"/>.</summary>
    public static string FileOf(string path, int index)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return index == 0 ? path : Path.ChangeExtension(path, $".p{index}{Path.GetExtension(path)}");
    }

    /// <summary>Deletes every file of the store whose first file is <paramref name="path"/> (its partitions, WAL and shared-memory files).</summary>
    public static void Delete(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        if (!Directory.Exists(folder))
        {
            return;
        }

        var stem = Path.GetFileNameWithoutExtension(path);
        var extension = Path.GetExtension(path);
        foreach (var file in Directory.EnumerateFiles(folder, $"{stem}*"))
        {
            var name = Path.GetFileName(file);
            var database = name.EndsWith("-wal", StringComparison.Ordinal) || name.EndsWith("-shm", StringComparison.Ordinal) ? name[..^4] : name;
            if (database == stem + extension || IsPartitionFile(database, stem, extension))
            {
                File.Delete(file);
            }
        }
    }

    private static bool IsPartitionFile(string name, string stem, string extension) =>
        name.StartsWith(stem + ".p", StringComparison.Ordinal) && name.EndsWith(extension, StringComparison.Ordinal)
        && int.TryParse(name.AsSpan(stem.Length + 2, name.Length - stem.Length - 2 - extension.Length), out var index) && index > 0;
}
