using MentorFlow.Functions.Health;
using Microsoft.Data.Sqlite;

namespace MentorFlow.Functions.Tests.Health;

public sealed class StorageFaultTests
{
    [Fact]
    public void SQLites_own_full_disk_error_is_recognised_as_a_full_disk()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("mentorflow-full-").FullName, "full.db");
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        // The database may not grow past a few pages: SQLite answers as it does when the disk is full.
        command.CommandText = "CREATE TABLE Rows (Body BLOB); PRAGMA max_page_count = 3;";
        command.ExecuteNonQuery();
        command.CommandText = "INSERT INTO Rows VALUES (randomblob(100000));";

        var refused = Assert.Throws<SqliteException>(() => command.ExecuteNonQuery());

        Assert.Equal(StorageFaultKind.Full, StorageFault.Of(new InvalidOperationException("wrapped", refused)));
        connection.Close();
        Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
    }

    [Fact]
    public void SQLites_own_read_only_error_is_recognised_as_a_read_only_disk()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("mentorflow-ro-").FullName, "ro.db");
        using (var create = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            create.Open();
            using var table = create.CreateCommand();
            table.CommandText = "CREATE TABLE Rows (Body BLOB);";
            table.ExecuteNonQuery();
        }

        using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO Rows VALUES (1);";

        var refused = Assert.Throws<SqliteException>(() => command.ExecuteNonQuery());

        Assert.Equal(StorageFaultKind.ReadOnly, StorageFault.Of(refused));
        connection.Close();
        Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
    }

    [Fact]
    public void A_write_to_a_full_device_is_recognised_as_a_full_disk()
    {
        // Linux's /dev/full answers every write with ENOSPC, as a full disk does.
        var refused = Assert.Throws<IOException>(() =>
        {
            using var device = new FileStream("/dev/full", FileMode.Open, FileAccess.Write);
            device.Write(new byte[16]);
            device.Flush();
        });

        Assert.Equal(StorageFaultKind.Full, StorageFault.Of(refused));
    }

    [Fact]
    public void Other_errors_are_not_disk_faults() =>
        Assert.Null(StorageFault.Of(new SqliteException("constraint failed", 19)));
}
