using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Nexudus.Salto.SaltoKs;

/// <summary>The category of an access event (<c>event_category</c> of an entry).</summary>
/// <remarks>
/// The full list is not published. <see cref="LockRejected"/> appears in SALTO's example; <see cref="LockOpened"/>
/// is its counterpart and <see cref="EasyOfficeMode"/> a third category, both seen on the live entries endpoint; <see cref="PrivacyMode"/> and <see cref="OfficeMode"/> are event types
/// seen in event-stream messages. Any other value is kept as written.
/// Values compare without regard to case.
/// </remarks>
[JsonConverter(typeof(EntryEventCategoryJsonConverter))]
public readonly struct EntryEventCategory : IEquatable<EntryEventCategory>
{
    private const string LockOpenedValue = "lock_opened";
    private const string LockRejectedValue = "lock_rejected";
    private const string PrivacyModeValue = "privacy_mode";
    private const string OfficeModeValue = "office_mode";
    private const string EasyOfficeModeValue = "easy_office_mode";

    private readonly string? _value;

    /// <summary>Creates a value from the text SALTO KS uses.</summary>
    /// <param name="value">The wire value; unknown values are allowed.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
    public EntryEventCategory(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _value = value;
    }

    /// <summary>The lock opened for the credential presented (value unconfirmed).</summary>
    /// <value><c>lock_opened</c></value>
    public static EntryEventCategory LockOpened { get; } = new(LockOpenedValue);

    /// <summary>The lock refused the credential presented; <c>event_detail</c> says why (e.g. <c>no_access</c>).</summary>
    /// <value><c>lock_rejected</c></value>
    public static EntryEventCategory LockRejected { get; } = new(LockRejectedValue);

    /// <summary>Privacy mode was switched on or off at the lock (seen in event-stream messages).</summary>
    /// <value><c>privacy_mode</c></value>
    public static EntryEventCategory PrivacyMode { get; } = new(PrivacyModeValue);

    /// <summary>Office mode was switched on or off at the lock (seen in event-stream messages).</summary>
    /// <value><c>office_mode</c></value>
    public static EntryEventCategory OfficeMode { get; } = new(OfficeModeValue);

    /// <summary>
    /// A user's tag switched the lock into (<c>event_detail</c> <c>start</c>) or out of (<c>end</c>) easy office mode,
    /// as captured on the live entries endpoint.
    /// </summary>
    /// <value><c>easy_office_mode</c></value>
    public static EntryEventCategory EasyOfficeMode { get; } = new(EasyOfficeModeValue);

    /// <summary>Compares two values, ignoring case.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when the values are equal.</returns>
    public static bool operator ==(EntryEventCategory left, EntryEventCategory right) => left.Equals(right);

    /// <summary>Compares two values, ignoring case.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when the values differ.</returns>
    public static bool operator !=(EntryEventCategory left, EntryEventCategory right) => !left.Equals(right);

    /// <summary>Converts wire text to a <see cref="EntryEventCategory"/>.</summary>
    /// <param name="value">The wire value.</param>
    public static implicit operator EntryEventCategory(string value) => new(value);

    /// <summary>Converts wire text to a <see cref="EntryEventCategory"/>.</summary>
    /// <param name="value">The wire value.</param>
    /// <returns>The value, known or not.</returns>
    public static EntryEventCategory FromString(string value) => new(value);

    /// <inheritdoc/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override bool Equals(object? obj) => obj is EntryEventCategory other && Equals(other);

    /// <inheritdoc/>
    public bool Equals(EntryEventCategory other) => string.Equals(_value, other._value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override int GetHashCode() => _value is null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(_value);

    /// <summary>Returns the wire value.</summary>
    /// <returns>The text as SALTO KS wrote it, or an empty string for <see langword="default"/>.</returns>
    public override string ToString() => _value ?? string.Empty;
}
