using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace MentorFlow.Functions.Api;

/// <summary>
/// Reads a JSON request body strictly: unknown fields, missing or null required fields, wrong types and bad dates
/// are each reported against the field, and a body over the size limit is refused before it is parsed.
/// </summary>
public static partial class StrictJson
{
    /// <summary>The options request bodies are read with (and responses written with).</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        Converters = { new JsonStringEnumConverter(allowIntegerValues: false) },
    };

    /// <summary>Reads the body as <typeparamref name="T"/>; on failure the problem to answer with.</summary>
    public static async Task<(T? Value, IResult? Problem)> ReadAsync<T>(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.HasJsonContentType())
        {
            return (null, ApiProblem.Status(StatusCodes.Status415UnsupportedMediaType, "Send JSON",
                $"The body must be JSON with Content-Type: application/json (it was '{request.ContentType ?? "missing"}')."));
        }

        var (body, tooLarge) = await RequestBody.ReadAsync(request, maxBytes, cancellationToken);
        if (tooLarge)
        {
            return (null, RequestBody.TooLarge(maxBytes));
        }

        try
        {
            var value = JsonSerializer.Deserialize<T>(body, Options);
            return value is null
                ? (null, ApiProblem.Invalid([new FieldError("body", "send a JSON object, not null")]))
                : (value, null);
        }
        catch (JsonException ex)
        {
            return (null, ApiProblem.Invalid([Describe(ex, typeof(T))]));
        }
    }

    /// <summary>Turns the serializer's error into the field it concerns and what to send instead.</summary>
    public static FieldError Describe(JsonException exception, Type requestType)
    {
        ArgumentNullException.ThrowIfNull(exception);
        ArgumentNullException.ThrowIfNull(requestType);
        var field = FieldOf(exception.Path);
        var message = exception.Message;
        if (UnmappedMember().Match(message) is { Success: true } unmapped)
        {
            var name = unmapped.Groups[1].Value;
            var at = field.EndsWith(name, StringComparison.Ordinal) ? field : Join(field, name);
            return new FieldError(at, $"'{name}' is not a field of this request; remove it or check its spelling.");
        }

        if (MissingRequired().Match(message) is { Success: true } missing)
        {
            var names = missing.Groups[1].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(n => n.Trim('\''));
            var first = names.First();
            return new FieldError(Join(field, first), "is required.");
        }

        if (NullNotAllowed().Match(message) is { Success: true } nulled)
        {
            var name = nulled.Groups[1].Value;
            var at = field.EndsWith(name, StringComparison.OrdinalIgnoreCase) ? field : Join(field, name);
            return new FieldError(at, "is required and cannot be null.");
        }

        if (message.Contains("could not be converted to", StringComparison.Ordinal))
        {
            // The serializer names the enclosing type; the path says which field, and reflection its type.
            return TypeAt(requestType, field) is { } type && field.Length > 0
                ? new FieldError(field, Expected(type))
                : new FieldError("body", "is not the expected JSON object; send an object with the documented fields.");
        }

        // Anything else is broken JSON.
        var where = exception.LineNumber is { } line
            ? string.Create(CultureInfo.InvariantCulture, $" (line {line + 1}, position {exception.BytePositionInLine + 1})")
            : "";
        return new FieldError(field.Length == 0 ? "body" : field, $"is not valid JSON{where}; send a JSON object with the documented fields.");
    }

    private static string Expected(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type switch
        {
            _ when type == typeof(DateOnly) => "must be a date written YYYY-MM-DD, e.g. 2026-09-01.",
            _ when type == typeof(DateTime) || type == typeof(DateTimeOffset) => "must be a date and time written like 2026-09-01T15:30:00Z.",
            _ when type == typeof(int) || type == typeof(long) => "must be a whole number.",
            _ when type == typeof(decimal) || type == typeof(double) => "must be a number.",
            _ when type == typeof(string) => "must be text (in quotes).",
            _ when type == typeof(bool) => "must be true or false.",
            { IsEnum: true } => $"must be one of: {string.Join(", ", Enum.GetNames(type))}.",
            _ => "must be a JSON object with the documented fields.",
        };
    }

    // The declared type of the field at "mentor.yearsOfExperience" or "goals[2].text" in the request type.
    private static Type? TypeAt(Type root, string field)
    {
        var type = root;
        foreach (var segment in field.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            var name = segment.Split('[')[0];
            var property = type.GetProperty(name, System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.IgnoreCase);
            if (property is null)
            {
                return null;
            }

            type = property.PropertyType;
            if (segment.Contains('[', StringComparison.Ordinal))
            {
                type = type.IsArray ? type.GetElementType()! : type.GetGenericArguments().FirstOrDefault() ?? type;
            }
        }

        return type;
    }

    // "$.mentor.yearsOfExperience" -> "mentor.yearsOfExperience"
    private static string FieldOf(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? "" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');

    private static string Join(string parent, string name)
    {
        var camel = name.Length > 0 ? char.ToLowerInvariant(name[0]) + name[1..] : name;
        return parent.Length == 0 ? camel : $"{parent}.{camel}";
    }

    [GeneratedRegex("The JSON property '([^']+)' could not be mapped")]
    private static partial Regex UnmappedMember();

    [GeneratedRegex("missing required properties including: (.+?)\\.?( Path|$)")]
    private static partial Regex MissingRequired();

    [GeneratedRegex("parameter '([^']+)' on type '[^']+' doesn't allow null")]
    private static partial Regex NullNotAllowed();

}
