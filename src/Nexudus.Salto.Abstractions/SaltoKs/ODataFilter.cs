using System.Globalization;
using System.Text;

namespace Nexudus.Salto.SaltoKs;

/// <summary>
/// An OData <c>$filter</c> expression for SALTO KS list endpoints, built from parts so that values are always
/// escaped: an e-mail such as <c>o'brien@example.com</c> cannot break or inject into the filter.
/// </summary>
/// <remarks>
/// Only the forms SALTO KS is known to accept are offered: <c>eq</c> on text, <c>contains(…)</c>,
/// comparisons of instants with the OData v3 literal <c>DateTime'…Z'</c>, and <c>and</c>/<c>or</c>/<c>not</c>.
/// Property names are checked (letters, digits and underscores, with <c>/</c> for a nested member such as
/// <c>user/email</c>), so a name cannot smuggle an expression in either. The instance is immutable;
/// <see cref="ToString"/> returns the expression as it goes into <c>$filter</c>, before URL encoding
/// (the client encodes it).
/// </remarks>
public sealed class ODataFilter : IEquatable<ODataFilter>
{
    private readonly string _expression;

    private ODataFilter(string expression) => _expression = expression;

    /// <summary>Creates <c>property eq 'value'</c>, e.g. <c>user/email eq 'sam@example.com'</c>.</summary>
    /// <param name="property">The property path, e.g. <c>customer_reference</c> or <c>user/email</c>.</param>
    /// <param name="value">The text to compare with; any string, escaped here.</param>
    /// <returns>The filter.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="property"/> or <paramref name="value"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="property"/> is not a property path.</exception>
    public static ODataFilter Equal(string property, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new ODataFilter($"{CheckProperty(property)} eq {Quote(value)}");
    }

    /// <summary>Creates <c>contains(property,'value')</c>, e.g. <c>contains(customer_reference,'#101')</c>.</summary>
    /// <param name="property">The property path.</param>
    /// <param name="value">The text to look for; any string, escaped here.</param>
    /// <returns>The filter.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="property"/> or <paramref name="value"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="property"/> is not a property path.</exception>
    public static ODataFilter Contains(string property, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new ODataFilter($"contains({CheckProperty(property)},{Quote(value)})");
    }

    /// <summary>Creates <c>property ge DateTime'…Z'</c> (on or after the instant).</summary>
    /// <param name="property">The property path, e.g. <c>utc_date_time</c>.</param>
    /// <param name="value">The instant; written in UTC.</param>
    /// <returns>The filter.</returns>
    /// <exception cref="ArgumentException"><paramref name="property"/> is not a property path.</exception>
    public static ODataFilter OnOrAfter(string property, DateTimeOffset value) => Compare(property, "ge", value);

    /// <summary>Creates <c>property gt DateTime'…Z'</c> (strictly after the instant).</summary>
    /// <param name="property">The property path, e.g. <c>utc_date_time</c>.</param>
    /// <param name="value">The instant; written in UTC.</param>
    /// <returns>The filter.</returns>
    /// <exception cref="ArgumentException"><paramref name="property"/> is not a property path.</exception>
    public static ODataFilter After(string property, DateTimeOffset value) => Compare(property, "gt", value);

    /// <summary>Creates <c>property lt DateTime'…Z'</c> (strictly before the instant).</summary>
    /// <param name="property">The property path, e.g. <c>utc_date_time</c>.</param>
    /// <param name="value">The instant; written in UTC.</param>
    /// <returns>The filter.</returns>
    /// <exception cref="ArgumentException"><paramref name="property"/> is not a property path.</exception>
    public static ODataFilter Before(string property, DateTimeOffset value) => Compare(property, "lt", value);

    /// <summary>Creates <c>property le DateTime'…Z'</c> (on or before the instant).</summary>
    /// <param name="property">The property path, e.g. <c>utc_date_time</c>.</param>
    /// <param name="value">The instant; written in UTC.</param>
    /// <returns>The filter.</returns>
    /// <exception cref="ArgumentException"><paramref name="property"/> is not a property path.</exception>
    public static ODataFilter OnOrBefore(string property, DateTimeOffset value) => Compare(property, "le", value);

    /// <summary>Creates <c>(property eq 'a' or property eq 'b' …)</c>: the property equals any of the values.</summary>
    /// <param name="property">The property path, e.g. <c>lock_id</c>.</param>
    /// <param name="values">The values; at least one.</param>
    /// <returns>The filter.</returns>
    /// <exception cref="ArgumentNullException">An argument or one of the values is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="property"/> is not a property path, or <paramref name="values"/> is empty.</exception>
    public static ODataFilter EqualToAny(string property, IEnumerable<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        ODataFilter[] parts = [.. values.Select(v => Equal(property, v))];
        return parts.Length == 0
            ? throw new ArgumentException("At least one value is needed.", nameof(values))
            : Or(parts);
    }

    /// <summary>Joins filters with <c>and</c>; each part is parenthesised, so precedence never surprises.</summary>
    /// <param name="filters">The filters; at least one.</param>
    /// <returns>The filter; a single part is returned as it is.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="filters"/> or one of them is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="filters"/> is empty.</exception>
    public static ODataFilter And(params IEnumerable<ODataFilter> filters) => Join("and", filters);

    /// <summary>Joins filters with <c>or</c>; each part is parenthesised, so precedence never surprises.</summary>
    /// <param name="filters">The filters; at least one.</param>
    /// <returns>The filter; a single part is returned as it is.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="filters"/> or one of them is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="filters"/> is empty.</exception>
    public static ODataFilter Or(params IEnumerable<ODataFilter> filters) => Join("or", filters);

    /// <summary>Negates a filter: <c>not (…)</c>.</summary>
    /// <param name="filter">The filter to negate.</param>
    /// <returns>The filter.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="filter"/> is <see langword="null"/>.</exception>
    public static ODataFilter Not(ODataFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return new ODataFilter($"not ({filter._expression})");
    }

    /// <summary>Writes text as an OData string literal: in single quotes, with each quote doubled.</summary>
    /// <param name="value">Any string.</param>
    /// <returns>The literal, e.g. <c>'o''brien@example.com'</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
    internal static string Quote(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return string.Concat("'", value.Replace("'", "''", StringComparison.Ordinal), "'");
    }

    /// <summary>Writes an instant as the OData v3 literal SALTO KS expects, in UTC: <c>DateTime'2019-05-01T00:00:00Z'</c>.</summary>
    /// <param name="value">The instant.</param>
    /// <returns>The literal; fractions of a second are kept only when present.</returns>
    internal static string DateTimeLiteral(DateTimeOffset value) =>
        string.Concat(
            "DateTime'",
            value.UtcDateTime.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss.FFFFFFF", CultureInfo.InvariantCulture),
            "Z'");

    /// <summary>Returns the expression as it goes into <c>$filter</c> (before URL encoding).</summary>
    /// <returns>The expression.</returns>
    public override string ToString() => _expression;

    /// <inheritdoc/>
    public bool Equals(ODataFilter? other) => other is not null && string.Equals(_expression, other._expression, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as ODataFilter);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(_expression);

    private static ODataFilter Compare(string property, string op, DateTimeOffset value) =>
        new($"{CheckProperty(property)} {op} {DateTimeLiteral(value)}");

    private static ODataFilter Join(string op, IEnumerable<ODataFilter> filters)
    {
        ArgumentNullException.ThrowIfNull(filters);
        ODataFilter[] parts = [.. filters];
        if (parts.Length == 0)
        {
            throw new ArgumentException("At least one filter is needed.", nameof(filters));
        }

        if (parts.Length == 1)
        {
            return parts[0] ?? throw new ArgumentNullException(nameof(filters), "A filter is null.");
        }

        var text = new StringBuilder();
        foreach (ODataFilter part in parts)
        {
            ArgumentNullException.ThrowIfNull(part, nameof(filters));
            if (text.Length > 0)
            {
                text.Append(' ').Append(op).Append(' ');
            }

            text.Append('(').Append(part._expression).Append(')');
        }

        return new ODataFilter(text.ToString());
    }

    // A property path is names of letters, digits and underscores joined by '/'; nothing else may
    // reach the expression unescaped.
    private static string CheckProperty(string property)
    {
        ArgumentNullException.ThrowIfNull(property);
        bool atNameStart = true;
        foreach (char c in property)
        {
            if (c == '/' && !atNameStart)
            {
                atNameStart = true;
            }
            else if (char.IsAsciiLetter(c) || c == '_' || (!atNameStart && char.IsAsciiDigit(c)))
            {
                atNameStart = false;
            }
            else
            {
                throw new ArgumentException($"'{property}' is not an OData property path (e.g. user/email).", nameof(property));
            }
        }

        return atNameStart
            ? throw new ArgumentException($"'{property}' is not an OData property path (e.g. user/email).", nameof(property))
            : property;
    }
}
