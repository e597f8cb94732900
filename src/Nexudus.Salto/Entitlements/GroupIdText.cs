namespace Nexudus.Salto.Entitlements;

/// <summary>
/// Reads the group ids held in a Nexudus <c>AccessControlGroupId(s)</c> text field.
/// </summary>
internal static class GroupIdText
{
    // Commas, semicolons and white space separate ids; brackets and quotes are dropped so that a
    // JSON-style list ("[\"a\",\"b\"]") reads the same way.
    private static readonly char[] Separators = [',', ';', ' ', '\t', '\r', '\n', '[', ']', '"', '\''];

    /// <summary>The distinct ids in <paramref name="text"/> (case ignored), in order of appearance.</summary>
    public static void AddIds(string? text, List<string> ids)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return;
        }

        foreach (var id in text.Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!ids.Contains(id, StringComparer.OrdinalIgnoreCase))
            {
                ids.Add(id);
            }
        }
    }
}
