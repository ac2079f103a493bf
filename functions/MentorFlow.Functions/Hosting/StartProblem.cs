using MentorFlow.Functions.Health;
using Microsoft.Data.Sqlite;

namespace MentorFlow.Functions.Hosting;

/// <summary>The storage problem behind an exception that stopped the app from starting, told as the operator needs it (no stack trace).</summary>
public static class StartProblem
{
    /// <summary>The message naming the file and what to do, or null when <paramref name="exception"/> is not about storage.</summary>
    public static string? Find(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case DataFolderProblemException problem:
                    return problem.Message;
                case SqliteException sqlite:
                    // A database another part opened without naming it: the data folder is where every database lives.
                    return $"a database in the data folder cannot be used ({sqlite.Message.TrimEnd('.')}). Check that the folder and its files are " +
                        "readable and writable by this user on a disk with free space; if a file is damaged, restore the data folder from your latest " +
                        "backup (dotnet run --project functions/MentorFlow.Server -- restore <backup folder>).";
                case AggregateException { InnerExceptions.Count: > 0 } many:
                    return many.InnerExceptions.Select(Find).FirstOrDefault(found => found is not null);
            }
        }

        return null;
    }
}
