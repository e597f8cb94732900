using System.Globalization;

namespace Nexudus.Salto.Nexudus;

/// <summary>
/// One query-string filter of a Nexudus list, such as <c>Booking_Resource=1414925063</c> or
/// <c>from_Coworker_UpdatedOn=2025-01-01T00:00</c>.
/// </summary>
/// <remarks>
/// Dates stay typed (<see cref="Date"/>) until the client writes them, because the date format on
/// the wire is a client option. Everything else is already text, written with the invariant culture.
/// </remarks>
public sealed record NexudusFilter
{
    private NexudusFilter(string name, string? text, DateTimeOffset? date)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
        Text = text;
        Date = date;
    }

    /// <summary>Gets the parameter name, for example <c>CoworkerTimePass_Coworker</c>.</summary>
    public string Name { get; }

    /// <summary>Gets the value as text; <see langword="null"/> when the value is a <see cref="Date"/>.</summary>
    public string? Text { get; }

    /// <summary>Gets the value when it is a date; <see langword="null"/> otherwise.</summary>
    public DateTimeOffset? Date { get; }

    /// <summary>Creates a filter with a text value, sent as is.</summary>
    /// <param name="name">The parameter name.</param>
    /// <param name="value">The value.</param>
    /// <returns>The filter.</returns>
    public static NexudusFilter Create(string name, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new NexudusFilter(name, value, null);
    }

    /// <summary>Creates a filter with a number value (ids, counts, enum numbers).</summary>
    /// <param name="name">The parameter name.</param>
    /// <param name="value">The value.</param>
    /// <returns>The filter.</returns>
    public static NexudusFilter Create(string name, long value) =>
        new(name, value.ToString(CultureInfo.InvariantCulture), null);

    /// <summary>Creates a filter with a Boolean value, sent as <c>true</c> or <c>false</c>.</summary>
    /// <param name="name">The parameter name.</param>
    /// <param name="value">The value.</param>
    /// <returns>The filter.</returns>
    public static NexudusFilter Create(string name, bool value) =>
        new(name, value ? "true" : "false", null);

    /// <summary>Creates a filter with a date value, written in the client's configured date format (UTC).</summary>
    /// <param name="name">The parameter name.</param>
    /// <param name="value">The value.</param>
    /// <returns>The filter.</returns>
    public static NexudusFilter Create(string name, DateTimeOffset value) =>
        new(name, null, value.ToUniversalTime());
}
