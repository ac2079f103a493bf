using Microsoft.Data.Sqlite;

namespace MentorFlow.Functions.Tests.Health;

/// <summary>Data folders with a damaged database in them, as a disk fault or a bad copy leaves them.</summary>
internal static class DamagedDatabases
{
    /// <summary>A new root whose data folder holds <paramref name="file"/>, a database of 200 rows (about 200 KB), then spoiled as <paramref name="damage"/> says.</summary>
    public static string Root(string file, string damage)
    {
        var root = Directory.CreateTempSubdirectory("mentorflow-damaged-").FullName;
        var path = Path.Combine(root, "data", file);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        Write(path);
        Spoil(path, damage);
        return root;
    }

    /// <summary>A database of 200 rows at <paramref name="path"/>, with its write-ahead log folded in, as a stopped app leaves it.</summary>
    public static void Write(string path)
    {
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode=WAL; CREATE TABLE Rows (Id INTEGER PRIMARY KEY, Body BLOB); " +
                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200) INSERT INTO Rows SELECT i, randomblob(1000) FROM n;";
            command.ExecuteNonQuery();
        }

        Assert.False(File.Exists(path + "-wal"), "the test database still has a write-ahead log");
    }

    /// <summary>Cuts <paramref name="path"/> to half (<c>truncated</c>), to nothing (<c>empty</c>), or overwrites it with random bytes (<c>garbage</c>).</summary>
    public static void Spoil(string path, string damage)
    {
        switch (damage)
        {
            case "truncated":
                using (var file = File.OpenWrite(path))
                {
                    file.SetLength(file.Length / 2);
                }

                break;
            case "empty":
                File.WriteAllBytes(path, []);
                break;
            case "garbage":
                File.WriteAllBytes(path, System.Security.Cryptography.RandomNumberGenerator.GetBytes((int)new FileInfo(path).Length));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(damage), damage, "truncated, empty or garbage");
        }
    }
}
