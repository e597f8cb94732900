namespace Nexudus.Salto.Sync;

/// <summary>
/// Reads the tag numbers of a customer's <c>AccessCardId</c> and masks them for reports. Card
/// numbers are secrets: they go to SALTO and the state store, never to logs, messages or reports unmasked.
/// </summary>
internal static class AccessCardNumbers
{
    private static readonly char[] Separators = [',', ';', ' ', '\t', '\r', '\n'];

    /// <summary>Splits on commas, semicolons and white space; drops empties and repeats (ignoring case), keeping order.</summary>
    public static IReadOnlyList<string> Parse(string? accessCardId)
    {
        if (string.IsNullOrWhiteSpace(accessCardId))
        {
            return [];
        }

        var numbers = new List<string>();
        foreach (var part in accessCardId.Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!numbers.Contains(part, StringComparer.OrdinalIgnoreCase))
            {
                numbers.Add(part);
            }
        }

        return numbers;
    }

    /// <summary>Masks all but the last four characters (fewer for short numbers): <c>••••5678</c>.</summary>
    public static string Mask(string number)
    {
        ArgumentNullException.ThrowIfNull(number);
        var visible = number.Length switch
        {
            >= 8 => 4,
            >= 4 => 2,
            _ => 0,
        };
        return "••••" + number[^visible..];
    }
}
