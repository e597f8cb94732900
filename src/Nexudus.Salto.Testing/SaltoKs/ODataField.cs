namespace Nexudus.Salto.Testing;

/// <summary>How an OData field compares: text, an instant in UTC, or a wall-clock time.</summary>
internal enum ODataFieldKind
{
    Text = 0,
    Instant = 1,
    WallClock = 2,
}

/// <summary>A field of a list that <c>$filter</c> and <c>$orderby</c> may name, e.g. <c>user/email</c>.</summary>
/// <typeparam name="T">The item type.</typeparam>
internal sealed class ODataField<T>(string name, ODataFieldKind kind, Func<T, object?> value)
{
    public string Name { get; } = name;

    public ODataFieldKind Kind { get; } = kind;

    /// <summary>Reads the field: a <see cref="string"/>, <see cref="DateTimeOffset"/> or <see cref="DateTime"/>, or null.</summary>
    public Func<T, object?> Value { get; } = value;

    public static IReadOnlyDictionary<string, ODataField<T>> Map(params ODataField<T>[] fields) =>
        fields.ToDictionary(f => f.Name, StringComparer.Ordinal);
}
