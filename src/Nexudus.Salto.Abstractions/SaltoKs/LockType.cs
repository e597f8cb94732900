using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Nexudus.Salto.SaltoKs;

/// <summary>The hardware kind of a lock (<c>lock_type</c>).</summary>
/// <remarks>
/// The full list is not published; any other value is kept as written.
/// Values compare without regard to case.
/// </remarks>
[JsonConverter(typeof(LockTypeJsonConverter))]
public readonly struct LockType : IEquatable<LockType>
{
    private const string EscutcheonPinValue = "escutcheon_pin";
    private const string WallReaderPinValue = "wall_reader_pin";

    private readonly string? _value;

    /// <summary>Creates a value from the text SALTO KS uses.</summary>
    /// <param name="value">The wire value; unknown values are allowed.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
    public LockType(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _value = value;
    }

    /// <summary>An escutcheon (door handle) lock with a PIN pad.</summary>
    /// <value><c>escutcheon_pin</c></value>
    public static LockType EscutcheonPin { get; } = new(EscutcheonPinValue);

    /// <summary>A wall reader with a PIN pad.</summary>
    /// <value><c>wall_reader_pin</c></value>
    public static LockType WallReaderPin { get; } = new(WallReaderPinValue);

    /// <summary>Compares two values, ignoring case.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when the values are equal.</returns>
    public static bool operator ==(LockType left, LockType right) => left.Equals(right);

    /// <summary>Compares two values, ignoring case.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when the values differ.</returns>
    public static bool operator !=(LockType left, LockType right) => !left.Equals(right);

    /// <summary>Converts wire text to a <see cref="LockType"/>.</summary>
    /// <param name="value">The wire value.</param>
    public static implicit operator LockType(string value) => new(value);

    /// <summary>Converts wire text to a <see cref="LockType"/>.</summary>
    /// <param name="value">The wire value.</param>
    /// <returns>The value, known or not.</returns>
    public static LockType FromString(string value) => new(value);

    /// <inheritdoc/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override bool Equals(object? obj) => obj is LockType other && Equals(other);

    /// <inheritdoc/>
    public bool Equals(LockType other) => string.Equals(_value, other._value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override int GetHashCode() => _value is null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(_value);

    /// <summary>Returns the wire value.</summary>
    /// <returns>The text as SALTO KS wrote it, or an empty string for <see langword="default"/>.</returns>
    public override string ToString() => _value ?? string.Empty;
}
