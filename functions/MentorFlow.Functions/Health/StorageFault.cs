using Microsoft.Data.Sqlite;

namespace MentorFlow.Functions.Health;

/// <summary>Why the data disk refused a write.</summary>
public enum StorageFaultKind
{
    /// <summary>The disk (or the user's quota) is full.</summary>
    Full,

    /// <summary>The disk, folder or file is read-only.</summary>
    ReadOnly,

    /// <summary>The disk answered with an input/output error.</summary>
    Failing,
}

/// <summary>Recognises a write the data disk refused (full, read-only, failing), wherever in an exception chain it sits.</summary>
public static class StorageFault
{
    // SQLite's primary result codes, and the Unix errno values .NET puts in an IOException's HResult.
    private const int SqliteReadOnly = 8;
    private const int SqliteIoError = 10;
    private const int SqliteFull = 13;
    private const int NoSpace = 28;
    private const int ReadOnlyFileSystem = 30;
    private const int QuotaExceeded = 122;

    /// <summary>The kind of disk fault behind <paramref name="exception"/>, or null when it is something else.</summary>
    public static StorageFaultKind? Of(Exception? exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            StorageFaultKind? kind = current switch
            {
                SqliteException { SqliteErrorCode: SqliteFull } => StorageFaultKind.Full,
                SqliteException { SqliteErrorCode: SqliteReadOnly } => StorageFaultKind.ReadOnly,
                SqliteException { SqliteErrorCode: SqliteIoError } => StorageFaultKind.Failing,
                IOException { HResult: NoSpace or QuotaExceeded } => StorageFaultKind.Full,
                IOException { HResult: ReadOnlyFileSystem } => StorageFaultKind.ReadOnly,
                _ => null,
            };
            if (kind is not null)
            {
                return kind;
            }
        }

        return null;
    }

    /// <summary>What is wrong, in a sentence an operator or a user can act on.</summary>
    public static string Describe(StorageFaultKind kind) => kind switch
    {
        StorageFaultKind.Full => "The disk MentorFlow keeps its data on is full.",
        StorageFaultKind.ReadOnly => "The disk, folder or database file MentorFlow keeps its data in is read-only.",
        _ => "The disk MentorFlow keeps its data on reports input/output errors.",
    };
}
