using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MentorFlow.Bicep.Tests;

/// <summary>A compiled ARM template (as <c>bicep build</c> writes it), read as a mutable JSON tree so tests can tamper with copies.</summary>
internal sealed class ArmTemplate(JsonObject root)
{
    public JsonObject Root { get; } = root;

    public static ArmTemplate Parse(string json) => new(JsonNode.Parse(json)!.AsObject());

    public ArmTemplate Copy() => Parse(Root.ToJsonString());

    /// <summary>Every deployed resource (existing references left out), from a languageVersion 2.0 object or a 1.0 array.</summary>
    public IEnumerable<(string Symbol, JsonObject Resource)> Resources()
    {
        var resources = Root["resources"];
        IEnumerable<(string, JsonObject)> all = resources switch
        {
            JsonObject byName => byName.Select(pair => (pair.Key, pair.Value!.AsObject())),
            JsonArray list => list.Select((resource, i) => ($"#{i}", resource!.AsObject())),
            _ => [],
        };
        return all.Where(pair => pair.Item2["existing"]?.GetValue<bool>() != true);
    }

    /// <summary>The template's parameters by name.</summary>
    public JsonObject Parameters() => Root["parameters"]?.AsObject() ?? [];

    public IEnumerable<JsonObject> OfType(string type) =>
        Resources().Select(pair => pair.Resource)
            .Where(resource => string.Equals((string?)resource["type"], type, StringComparison.OrdinalIgnoreCase));

    public JsonObject Single(string type) => Assert.Single(OfType(type));

    public string SymbolOf(string type) => Assert.Single(Resources(), pair => string.Equals((string?)pair.Resource["type"], type, StringComparison.OrdinalIgnoreCase)).Symbol;

    /// <summary>A template variable's value when it is a plain string, else null.</summary>
    public string? PlainVariable(string name) =>
        Root["variables"]?[name] is JsonValue value && value.TryGetValue<string>(out var text) && !text.StartsWith('[') ? text : null;

    /// <summary>The app settings of a site: <c>siteConfig.appSettings</c> (a JSON array or one ARM expression that builds
    /// it) and any <c>sites/config</c> named <c>appsettings</c>. Names and values are literal text when they are literals
    /// (or plain variables), else the expression as written, in brackets.</summary>
    public IReadOnlyList<AppSetting> AppSettings(JsonObject site)
    {
        var settings = new List<AppSetting>();
        switch (site["properties"]?["siteConfig"]?["appSettings"])
        {
            case JsonArray list:
                settings.AddRange(list.Select(item => new AppSetting(Text(item!["name"], isName: true), Text(item["value"], isName: false))));
                break;
            case JsonValue value when value.TryGetValue<string>(out var expression) && expression.StartsWith('['):
                foreach (var call in WithVariables(ArmExpression.Parse(expression)).OfType<ArmExpression.Call>())
                {
                    if (call.Name.Equals("createObject", StringComparison.OrdinalIgnoreCase) && call.Arguments.Count == 4
                        && call.Arguments[0] is ArmExpression.Str { Value: "name" } && call.Arguments[2] is ArmExpression.Str { Value: "value" })
                    {
                        settings.Add(new AppSetting(Text(call.Arguments[1], isName: true), Text(call.Arguments[3], isName: false)));
                    }
                }

                break;
        }

        foreach (var config in OfType("Microsoft.Web/sites/config").Where(c => c.Str("name")?.Contains("appsettings", StringComparison.OrdinalIgnoreCase) == true))
        {
            if (config["properties"] is JsonObject properties)
            {
                settings.AddRange(properties.Select(pair => new AppSetting(pair.Key, Text(pair.Value, isName: false))));
            }
        }

        return settings;
    }

    // Every part of an expression, and of the expressions of the variables it uses (districtAppSettings builds some settings).
    private IEnumerable<ArmExpression.Node> WithVariables(ArmExpression.Node expression, int depth = 0)
    {
        foreach (var node in expression.Descendants())
        {
            yield return node;
            if (depth < 8 && node is ArmExpression.Call { Name: "variables", Arguments: [ArmExpression.Str name] }
                && Root["variables"]?[name.Value] is JsonValue value && value.TryGetValue<string>(out var text) && text.StartsWith('['))
            {
                foreach (var inner in WithVariables(ArmExpression.Parse(text), depth + 1))
                {
                    yield return inner;
                }
            }
        }
    }

    private string Text(JsonNode? node, bool isName) => node switch
    {
        JsonValue value when value.TryGetValue<string>(out var text) => text.StartsWith('[') ? Text(ArmExpression.Parse(text), isName) : text,
        null => "",
        _ => node.ToJsonString(),
    };

    // A format() name keeps its pattern ("MentorFlow__Districts__{0}__Id"); a plain variable is replaced by its value.
    private string Text(ArmExpression.Node node, bool isName) => node switch
    {
        ArmExpression.Str literal => literal.Value,
        ArmExpression.Call { Name: "format", Arguments: [ArmExpression.Str pattern, ..] } when isName => pattern.Value,
        ArmExpression.Call { Name: "variables", Arguments: [ArmExpression.Str name] } when PlainVariable(name.Value) is { } text => text,
        _ => $"[{node}]",
    };
}

/// <summary>One app setting as the template sets it.</summary>
internal sealed record AppSetting(string Name, string Value);

/// <summary>A small parser for ARM template expressions (<c>[concat(createArray(...), variables('x'))]</c>): enough to find
/// the app settings an expression builds and to print any part of it back.</summary>
internal static class ArmExpression
{
    public abstract record Node
    {
        public virtual IEnumerable<Node> Children => [];

        public IEnumerable<Node> Descendants() => Children.SelectMany(child => child.Descendants()).Prepend(this);
    }

    public sealed record Str(string Value) : Node
    {
        public override string ToString() => $"'{Value.Replace("'", "''", StringComparison.Ordinal)}'";
    }

    public sealed record Number(string Text) : Node
    {
        public override string ToString() => Text;
    }

    public sealed record Call(string Name, IReadOnlyList<Node> Arguments) : Node
    {
        public override IEnumerable<Node> Children => Arguments;

        public override string ToString() => $"{Name}({string.Join(", ", Arguments)})";
    }

    public sealed record Member(Node Target, string Name) : Node
    {
        public override IEnumerable<Node> Children => [Target];

        public override string ToString() => $"{Target}.{Name}";
    }

    public sealed record Index(Node Target, Node Key) : Node
    {
        public override IEnumerable<Node> Children => [Target, Key];

        public override string ToString() => $"{Target}[{Key}]";
    }

    public static Node Parse(string expression)
    {
        var text = expression.Trim();
        if (text.StartsWith('[') && text.EndsWith(']'))
        {
            text = text[1..^1];
        }

        var parser = new Parser(text);
        var node = parser.Expression();
        parser.SkipSpace();
        return parser.AtEnd ? node : throw new FormatException($"Unexpected text at {parser.Position} in {expression}");
    }

    private sealed class Parser(string text)
    {
        public int Position { get; private set; }

        public bool AtEnd => Position >= text.Length;

        public void SkipSpace()
        {
            while (!AtEnd && char.IsWhiteSpace(text[Position]))
            {
                Position++;
            }
        }

        public Node Expression()
        {
            var node = Primary();
            while (true)
            {
                SkipSpace();
                if (!AtEnd && text[Position] == '.')
                {
                    Position++;
                    node = new Member(node, Identifier());
                }
                else if (!AtEnd && text[Position] == '[')
                {
                    Position++;
                    var key = Expression();
                    Expect(']');
                    node = new Index(node, key);
                }
                else
                {
                    return node;
                }
            }
        }

        private Node Primary()
        {
            SkipSpace();
            if (AtEnd)
            {
                throw new FormatException("The expression ends too early.");
            }

            var c = text[Position];
            if (c == '\'')
            {
                return String();
            }

            if (char.IsDigit(c) || c == '-')
            {
                var start = Position++;
                while (!AtEnd && (char.IsDigit(text[Position]) || text[Position] == '.'))
                {
                    Position++;
                }

                return new Number(text[start..Position]);
            }

            var name = Identifier();
            Expect('(');
            var arguments = new List<Node>();
            SkipSpace();
            if (!AtEnd && text[Position] == ')')
            {
                Position++;
                return new Call(name, arguments);
            }

            while (true)
            {
                arguments.Add(Expression());
                SkipSpace();
                if (Expect(',', ')') == ')')
                {
                    return new Call(name, arguments);
                }
            }
        }

        private Str String()
        {
            var value = new StringBuilder();
            Position++;
            while (true)
            {
                if (AtEnd)
                {
                    throw new FormatException("An unterminated string.");
                }

                if (text[Position] == '\'')
                {
                    if (Position + 1 < text.Length && text[Position + 1] == '\'')
                    {
                        value.Append('\'');
                        Position += 2;
                        continue;
                    }

                    Position++;
                    return new Str(value.ToString());
                }

                value.Append(text[Position++]);
            }
        }

        private string Identifier()
        {
            SkipSpace();
            var start = Position;
            while (!AtEnd && (char.IsLetterOrDigit(text[Position]) || text[Position] is '_' or '$'))
            {
                Position++;
            }

            return Position > start ? text[start..Position] : throw new FormatException($"A name was expected at {start}.");
        }

        private char Expect(params char[] expected)
        {
            SkipSpace();
            if (AtEnd || !expected.Contains(text[Position]))
            {
                throw new FormatException($"'{string.Join("' or '", expected)}' was expected at {Position}.");
            }

            return text[Position++];
        }
    }
}

internal static class JsonNodeText
{
    /// <summary>A string property's value, or null when it is missing or not a string.</summary>
    public static string? Str(this JsonNode? node, string property) =>
        node?[property] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    /// <summary>A boolean property's value, or null when it is missing or not a literal boolean.</summary>
    public static bool? Bool(this JsonNode? node, string property) =>
        node?[property] is JsonValue value && value.GetValueKind() is JsonValueKind.True or JsonValueKind.False ? value.GetValue<bool>() : null;
}
