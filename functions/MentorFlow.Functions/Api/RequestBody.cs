namespace MentorFlow.Functions.Api;

/// <summary>Reads a request body up to a limit, so an oversized upload is refused without being held in memory.</summary>
public static class RequestBody
{
    /// <summary>The body's bytes, or <c>TooLarge</c> once it passes <paramref name="maxBytes"/>.</summary>
    public static async Task<(byte[] Body, bool TooLarge)> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength > maxBytes)
        {
            return ([], true);
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return ([], true);
            }

            buffer.Write(chunk, 0, read);
        }

        return (buffer.ToArray(), false);
    }

    /// <summary>The 413 answer, saying the limit.</summary>
    public static IResult TooLarge(int maxBytes) => ApiProblem.Status(StatusCodes.Status413PayloadTooLarge, "The body is too large",
        $"This endpoint takes at most {maxBytes / 1024:N0} KB; split the file or send fewer rows at a time.");
}
