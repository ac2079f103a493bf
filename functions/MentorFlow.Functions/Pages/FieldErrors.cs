namespace MentorFlow.Functions.Pages;

/// <summary>
/// What is wrong with a posted form, by the name of the field it is shown beside (<c>Schedule.StartTime</c>); the empty
/// name is the form as a whole. The first message for a field is the one shown.
/// </summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, string> _messages = new(StringComparer.Ordinal);

    /// <summary>True when nothing is wrong.</summary>
    public bool IsEmpty => _messages.Count == 0;

    /// <summary>Says <paramref name="message"/> beside <paramref name="field"/>, unless it already says something.</summary>
    public void Add(string field, string message) => _messages.TryAdd(field, message);

    /// <summary>True when <paramref name="field"/> has a message.</summary>
    public bool Has(string field) => _messages.ContainsKey(field);

    /// <summary>Every message with its field, in the order they were said (the form's order).</summary>
    public IReadOnlyList<(string Field, string Message)> All => [.. _messages.Select(m => (m.Key, m.Value))];

    /// <summary>The id of the element a field's name stands for, as the forms write it (<c>Form.Goals[0].Goal</c> is <c>Form_Goals_0__Goal</c>).</summary>
    public static string IdOf(string field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return field.Replace('.', '_').Replace('[', '_').Replace(']', '_');
    }

    /// <summary>The message beside <paramref name="field"/>, or null.</summary>
    public string? Of(string field) => _messages.GetValueOrDefault(field);
}
