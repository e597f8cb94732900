using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Nexudus.Salto.SaltoKs;

/// <summary>Whether a site user holds one of the site's seats (<c>subscription_state</c>; <c>state</c> in the subscription PATCH).</summary>
/// <remarks>
/// Only subscribed users can open anything. SALTO KS may add states; any other value is kept as written.
/// Values compare without regard to case.
/// </remarks>
[JsonConverter(typeof(SubscriptionStateJsonConverter))]
public readonly struct SubscriptionState : IEquatable<SubscriptionState>
{
    private const string SubscribedValue = "subscribed";
    private const string SuspendedValue = "suspended";

    private readonly string? _value;

    /// <summary>Creates a value from the text SALTO KS uses.</summary>
    /// <param name="value">The wire value; unknown values are allowed.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
    public SubscriptionState(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _value = value;
    }

    /// <summary>The user holds a seat and can open the locks their access groups allow.</summary>
    /// <value><c>subscribed</c></value>
    public static SubscriptionState Subscribed { get; } = new(SubscribedValue);

    /// <summary>The user holds no seat and can open nothing; also returned for a guest created when every seat was taken.</summary>
    /// <value><c>suspended</c></value>
    public static SubscriptionState Suspended { get; } = new(SuspendedValue);

    /// <summary>Compares two values, ignoring case.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when the values are equal.</returns>
    public static bool operator ==(SubscriptionState left, SubscriptionState right) => left.Equals(right);

    /// <summary>Compares two values, ignoring case.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when the values differ.</returns>
    public static bool operator !=(SubscriptionState left, SubscriptionState right) => !left.Equals(right);

    /// <summary>Converts wire text to a <see cref="SubscriptionState"/>.</summary>
    /// <param name="value">The wire value.</param>
    public static implicit operator SubscriptionState(string value) => new(value);

    /// <summary>Converts wire text to a <see cref="SubscriptionState"/>.</summary>
    /// <param name="value">The wire value.</param>
    /// <returns>The value, known or not.</returns>
    public static SubscriptionState FromString(string value) => new(value);

    /// <inheritdoc/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override bool Equals(object? obj) => obj is SubscriptionState other && Equals(other);

    /// <inheritdoc/>
    public bool Equals(SubscriptionState other) => string.Equals(_value, other._value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override int GetHashCode() => _value is null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(_value);

    /// <summary>Returns the wire value.</summary>
    /// <returns>The text as SALTO KS wrote it, or an empty string for <see langword="default"/>.</returns>
    public override string ToString() => _value ?? string.Empty;
}
