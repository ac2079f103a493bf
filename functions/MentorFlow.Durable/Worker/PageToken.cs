using System.Globalization;

namespace MentorFlow.Durable.Worker;

/// <summary>
/// The continuation token of an instance query: the creation time (Unix milliseconds) and id of the last instance on the
/// page, <c>ms|id</c>. Every store orders instances that way, so one store's token continues a page merged from several.
/// </summary>
internal static class PageToken
{
    /// <summary>The token for the page that starts after this instance.</summary>
    public static string After(DateTime createdAt, string instanceId) =>
        string.Create(CultureInfo.InvariantCulture, $"{UnixMilliseconds(createdAt)}|{instanceId}");

    /// <summary>Reads a token; a clear error when it did not come from a previous page.</summary>
    public static (long CreatedAt, string InstanceId) Read(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        var separator = token.IndexOf('|', StringComparison.Ordinal);
        if (separator <= 0 || !long.TryParse(token.AsSpan(0, separator), NumberStyles.Integer, CultureInfo.InvariantCulture, out var createdAt))
        {
            throw new ArgumentException($"'{token}' is not a continuation token from a previous page.", nameof(token));
        }

        return (createdAt, token[(separator + 1)..]);
    }

    /// <summary>The time as stores keep it: whole milliseconds since 1970, UTC.</summary>
    public static long UnixMilliseconds(DateTime time) => new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Utc)).ToUnixTimeMilliseconds();
}
