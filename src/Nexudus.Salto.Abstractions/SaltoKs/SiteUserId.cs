using System.Text.Json.Serialization;

namespace Nexudus.Salto.SaltoKs;

/// <summary>
/// The id of a user's membership of one SALTO KS site: the site user's own <c>id</c>.
/// </summary>
/// <remarks>
/// User routes take it: <c>/users/{id}</c>, <c>/pin</c>, <c>/keys</c>, <c>/subscription</c> and
/// DELETE, and so does pod member removal. Access-group membership does not: use
/// <see cref="PlatformUserId"/> there.
/// Equality ignores case because the same UUID may be written in upper or lower case. There is
/// deliberately no implicit conversion from <see cref="string"/> or to the other SALTO user id:
/// mixing the two ids up makes SALTO KS answer 404 <c>2202 User not found</c>.
/// </remarks>
[JsonConverter(typeof(SiteUserIdJsonConverter))]
public readonly record struct SiteUserId
{
    /// <summary>Creates an id from the value SALTO KS returned.</summary>
    /// <param name="value">The id; a UUID in practice, but any non-empty string is accepted.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="value"/> is empty.</exception>
    public SiteUserId(string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(value);
        Value = value;
    }

    /// <summary>Gets the id as SALTO KS writes it.</summary>
    /// <value>The id text; <see langword="null"/> only for <see langword="default"/>.</value>
    public string Value { get; }

    /// <summary>Compares two ids, ignoring case.</summary>
    /// <param name="other">The id to compare with.</param>
    /// <returns><see langword="true"/> when both ids have the same text apart from case.</returns>
    public bool Equals(SiteUserId other) => StringComparer.OrdinalIgnoreCase.Equals(Value, other.Value);

    /// <inheritdoc/>
    public override int GetHashCode() => Value is null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(Value);

    /// <summary>Returns the id text.</summary>
    /// <returns><see cref="Value"/>, or an empty string for <see langword="default"/>.</returns>
    public override string ToString() => Value ?? string.Empty;
}
