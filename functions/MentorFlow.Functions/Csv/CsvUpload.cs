using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using MentorFlow.Functions.Api;

namespace MentorFlow.Functions.Csv;

/// <summary>
/// Reads the CSV file of an import: a body sent as <c>text/csv</c> (or <c>text/plain</c>), or the file part of a
/// browser's <c>multipart/form-data</c> upload. Anything else (JSON, an image) is refused with 415 before it is read.
/// </summary>
public static class CsvUpload
{
    // Room for a form's boundaries, part headers and small fields around the file itself.
    private const int FormOverheadBytes = 64 * 1024;

    private static readonly string[] CsvTypes = ["text/csv", "text/plain"];

    // Browsers label a .csv file with what the computer maps it to: Windows with Excel says application/vnd.ms-excel.
    private static readonly string[] FilePartTypes = ["text/csv", "text/plain", "application/vnd.ms-excel", "application/csv"];

    /// <summary>The file's bytes, or the problem to answer with (415, 413, or 400 for a form without a file).</summary>
    public static async Task<(byte[]? Csv, IResult? Problem)> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type))
        {
            return (null, Unsupported($"the request has {(request.ContentType is null ? "no Content-Type" : $"Content-Type '{request.ContentType}'")}"));
        }

        if (CsvTypes.Contains(type.MediaType.Value, StringComparer.OrdinalIgnoreCase))
        {
            var (body, tooLarge) = await RequestBody.ReadAsync(request, maxBytes, cancellationToken);
            return tooLarge ? (null, RequestBody.TooLarge(maxBytes)) : (body, null);
        }

        if (type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            && HeaderUtilities.RemoveQuotes(type.Boundary) is { Length: > 0 } boundary)
        {
            return await ReadFormAsync(request, boundary.Value!, maxBytes, cancellationToken);
        }

        return (null, Unsupported($"it was '{type.MediaType}'"));
    }

    private static async Task<(byte[]? Csv, IResult? Problem)> ReadFormAsync(HttpRequest request, string boundary, int maxBytes, CancellationToken cancellationToken)
    {
        var (body, tooLarge) = await RequestBody.ReadAsync(request, maxBytes + FormOverheadBytes, cancellationToken);
        if (tooLarge)
        {
            return (null, RequestBody.TooLarge(maxBytes));
        }

        var reader = new MultipartReader(boundary, new MemoryStream(body)) { BodyLengthLimit = maxBytes };
        try
        {
            while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) || !disposition.IsFileDisposition())
                {
                    continue;
                }

                var fileName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value ?? "";
                if (!IsCsvFile(section.ContentType, fileName))
                {
                    return (null, Unsupported($"the uploaded file is '{section.ContentType ?? "of no type"}'"));
                }

                using var file = new MemoryStream();
                await section.Body.CopyToAsync(file, cancellationToken);
                return (file.ToArray(), null);
            }
        }
        catch (InvalidDataException)
        {
            // The multipart reader's way of saying a part passed BodyLengthLimit, or the form is cut short.
            return (null, body.Length > maxBytes ? RequestBody.TooLarge(maxBytes)
                : ApiProblem.Invalid([new FieldError("file", "the form could not be read; upload the CSV file again.")]));
        }
        catch (IOException)
        {
            return (null, ApiProblem.Invalid([new FieldError("file", "the form could not be read; upload the CSV file again.")]));
        }

        return (null, ApiProblem.Invalid([new FieldError("file", "the form has no file; attach the CSV file.")]));
    }

    private static bool IsCsvFile(string? contentType, string fileName)
    {
        if (MediaTypeHeaderValue.TryParse(contentType, out var type) && FilePartTypes.Contains(type.MediaType.Value, StringComparer.OrdinalIgnoreCase))
        {
            return true;
        }

        // A part without a useful type is taken when its name says CSV.
        var untyped = contentType is null || (type is not null && type.MediaType.Equals("application/octet-stream", StringComparison.OrdinalIgnoreCase));
        return untyped && fileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase);
    }

    private static IResult Unsupported(string what) => ApiProblem.Status(StatusCodes.Status415UnsupportedMediaType, "Send a CSV file",
        $"The import takes a CSV file sent as Content-Type: text/csv (or text/plain), or as the file of a multipart/form-data upload; {what}.");
}
