using System.Globalization;
using System.Text;

namespace Nexudus.Salto.Testing;

/// <summary>
/// A parser for the <c>$filter</c> forms SALTO KS is known to accept, and nothing more:
/// <c>field eq 'text'</c>, <c>contains(field,'text')</c>, <c>field ge|gt|le|lt|eq DateTime'…'</c>,
/// joined with <c>and</c> and grouped with parentheses. String literals escape a quote by doubling it.
/// On request, <c>or</c> (binding looser than <c>and</c>) and <c>not</c> are accepted too.
/// </summary>
/// <remarks>
/// Anything else (<c>or</c>, <c>ne</c>, unknown fields, numbers, a text compared as a date) is
/// rejected with <see cref="ODataSyntaxException"/>, so a client that relies on a form the real
/// service may not accept finds out here first.
/// </remarks>
internal static class ODataFilter
{
    public static Func<T, bool> Parse<T>(string text, IReadOnlyDictionary<string, ODataField<T>> fields, StringComparison textComparison, bool acceptOrAndNot = false)
    {
        var parser = new Parser<T>(Tokenize(text), fields, textComparison, acceptOrAndNot);
        Func<T, bool> filter = parser.ParseExpression();
        parser.ExpectEnd();
        return filter;
    }

    /// <summary>Parses <c>$orderby</c>: one or more <c>field [asc|desc]</c>, separated by commas.</summary>
    public static Comparison<T> ParseOrderBy<T>(string text, IReadOnlyDictionary<string, ODataField<T>> fields)
    {
        var comparisons = new List<Comparison<T>>();
        foreach (string clause in text.Split(','))
        {
            string[] words = clause.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (words.Length is < 1 or > 2 || !fields.TryGetValue(words[0], out ODataField<T>? field))
            {
                throw new ODataSyntaxException($"'{clause.Trim()}' cannot be ordered by.");
            }

            bool descending = words.Length == 2 && words[1] switch
            {
                "asc" => false,
                "desc" => true,
                _ => throw new ODataSyntaxException($"'{words[1]}' is not asc or desc."),
            };

            Func<T, object?> value = field.Value;
            comparisons.Add((a, b) =>
            {
                int order = CompareValues(value(a), value(b));
                return descending ? -order : order;
            });
        }

        return (a, b) =>
        {
            foreach (Comparison<T> comparison in comparisons)
            {
                int order = comparison(a, b);
                if (order != 0)
                {
                    return order;
                }
            }

            return 0;
        };
    }

    private static int CompareValues(object? a, object? b) => (a, b) switch
    {
        (null, null) => 0,
        (null, _) => -1,
        (_, null) => 1,
        (string x, string y) => string.Compare(x, y, StringComparison.OrdinalIgnoreCase),
        (DateTimeOffset x, DateTimeOffset y) => x.CompareTo(y),
        (DateTime x, DateTime y) => x.CompareTo(y),
        _ => 0,
    };

    private static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c is '(' or ')' or ',')
            {
                tokens.Add(new Token(c switch { '(' => TokenKind.Open, ')' => TokenKind.Close, _ => TokenKind.Comma }, c.ToString()));
                i++;
            }
            else if (c == '\'')
            {
                tokens.Add(new Token(TokenKind.Text, ReadString(text, ref i)));
            }
            else if (char.IsLetter(c) || c == '_')
            {
                int start = i;
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] is '_' or '/'))
                {
                    i++;
                }

                string word = text[start..i];
                if (i < text.Length && text[i] == '\'')
                {
                    // A typed literal such as DateTime'2019-05-01T00:00:00Z' (OData v3).
                    tokens.Add(new Token(TokenKind.TypedLiteral, ReadString(text, ref i), word));
                }
                else
                {
                    tokens.Add(new Token(TokenKind.Word, word));
                }
            }
            else
            {
                throw new ODataSyntaxException($"Unexpected '{c}' at position {i}.");
            }
        }

        return tokens;
    }

    private static string ReadString(string text, ref int i)
    {
        var value = new StringBuilder();
        i++; // opening quote
        while (i < text.Length)
        {
            if (text[i] == '\'')
            {
                if (i + 1 < text.Length && text[i + 1] == '\'')
                {
                    value.Append('\'');
                    i += 2;
                    continue;
                }

                i++;
                return value.ToString();
            }

            value.Append(text[i]);
            i++;
        }

        throw new ODataSyntaxException("A string literal is not closed.");
    }

    private enum TokenKind
    {
        Word,
        Text,
        TypedLiteral,
        Open,
        Close,
        Comma,
        End,
    }

    private sealed record Token(TokenKind Kind, string Value, string? Type = null);

    private sealed class Parser<T>(List<Token> tokens, IReadOnlyDictionary<string, ODataField<T>> fields, StringComparison textComparison, bool acceptOrAndNot)
    {
        private int _position;

        private Token Current => _position < tokens.Count ? tokens[_position] : new Token(TokenKind.End, string.Empty);

        public void ExpectEnd()
        {
            if (Current.Kind != TokenKind.End)
            {
                throw new ODataSyntaxException($"Unexpected '{Current.Value}'.");
            }
        }

        public Func<T, bool> ParseExpression()
        {
            Func<T, bool> left = ParseConjunction();
            while (acceptOrAndNot && Current is { Kind: TokenKind.Word, Value: "or" })
            {
                _position++;
                Func<T, bool> first = left;
                Func<T, bool> second = ParseConjunction();
                left = item => first(item) || second(item);
            }

            return left;
        }

        private Func<T, bool> ParseConjunction()
        {
            Func<T, bool> left = ParseTerm();
            while (Current is { Kind: TokenKind.Word, Value: "and" })
            {
                _position++;
                Func<T, bool> first = left;
                Func<T, bool> second = ParseTerm();
                left = item => first(item) && second(item);
            }

            return left;
        }

        private Func<T, bool> ParseTerm()
        {
            Token token = Next();
            if (acceptOrAndNot && token is { Kind: TokenKind.Word, Value: "not" })
            {
                Func<T, bool> negated = ParseTerm();
                return item => !negated(item);
            }

            if (token.Kind == TokenKind.Open)
            {
                Func<T, bool> inner = ParseExpression();
                Expect(TokenKind.Close);
                return inner;
            }

            if (token is { Kind: TokenKind.Word, Value: "contains" } && Current.Kind == TokenKind.Open)
            {
                _position++;
                ODataField<T> field = Field(Next(), ODataFieldKind.Text);
                Expect(TokenKind.Comma);
                Token needle = Next();
                if (needle.Kind != TokenKind.Text)
                {
                    throw new ODataSyntaxException("contains() takes a string literal.");
                }

                Expect(TokenKind.Close);
                return item => field.Value(item) is string value && value.Contains(needle.Value, textComparison);
            }

            ODataField<T> compared = Field(token, kind: null);
            Token op = Next();
            if (op.Kind != TokenKind.Word || op.Value is not ("eq" or "ge" or "gt" or "le" or "lt"))
            {
                throw new ODataSyntaxException($"'{op.Value}' is not a supported operator.");
            }

            return Comparison(compared, op.Value, Next());
        }

        private Func<T, bool> Comparison(ODataField<T> field, string op, Token literal)
        {
            switch (field.Kind)
            {
                case ODataFieldKind.Text when op == "eq" && literal.Kind == TokenKind.Text:
                    return item => field.Value(item) is string value && string.Equals(value, literal.Value, textComparison);
                case ODataFieldKind.Instant when IsDateLiteral(literal):
                    DateTimeOffset instant = ParseInstant(literal.Value);
                    return item => field.Value(item) is DateTimeOffset value && Holds(value.CompareTo(instant), op);
                case ODataFieldKind.WallClock when IsDateLiteral(literal):
                    DateTime wallClock = ParseInstant(literal.Value).DateTime;
                    return item => field.Value(item) is DateTime value && Holds(value.CompareTo(wallClock), op);
                default:
                    throw new ODataSyntaxException($"'{field.Name} {op} {literal.Value}' is not a supported comparison.");
            }
        }

        private static bool IsDateLiteral(Token literal) =>
            literal.Kind == TokenKind.TypedLiteral &&
            (string.Equals(literal.Type, "datetime", StringComparison.OrdinalIgnoreCase) ||
             string.Equals(literal.Type, "datetimeoffset", StringComparison.OrdinalIgnoreCase));

        private static DateTimeOffset ParseInstant(string text) =>
            DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset value)
                ? value
                : throw new ODataSyntaxException($"'{text}' is not a date and time.");

        private static bool Holds(int order, string op) => op switch
        {
            "eq" => order == 0,
            "ge" => order >= 0,
            "gt" => order > 0,
            "le" => order <= 0,
            _ => order < 0,
        };

        private ODataField<T> Field(Token token, ODataFieldKind? kind)
        {
            if (token.Kind != TokenKind.Word || !fields.TryGetValue(token.Value, out ODataField<T>? field) ||
                (kind is { } expected && field.Kind != expected))
            {
                throw new ODataSyntaxException($"'{token.Value}' cannot be filtered on here.");
            }

            return field;
        }

        private Token Next()
        {
            Token token = Current;
            _position++;
            return token;
        }

        private void Expect(TokenKind kind)
        {
            if (Next().Kind != kind)
            {
                throw new ODataSyntaxException($"Expected {kind}.");
            }
        }
    }
}
