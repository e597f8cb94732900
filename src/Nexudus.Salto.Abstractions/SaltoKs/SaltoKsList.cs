using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Nexudus.Salto.SaltoKs;

/// <summary>Reads SALTO KS list bodies in either of the shapes the service uses.</summary>
internal static class SaltoKsList
{
    /// <summary>
    /// Reads a list body that is either the envelope <c>{"items": [...], "next_page_link": ..., "count": n}</c>
    /// (<c>next_page_link</c> and <c>count</c> may be missing, <c>items</c> may be <see langword="null"/>) or a bare
    /// JSON array of items. An envelope without <c>items</c> at all (<c>{}</c>) is malformed: read as an empty
    /// list it would tell a sync that everyone left.
    /// </summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="json">The UTF-8 response body.</param>
    /// <param name="itemType">
    /// The metadata for one item, e.g. <c>SaltoKsJsonContext.Default.Site</c>; its options apply to the items.
    /// </param>
    /// <returns>The page; a bare array becomes a page with no next link and no count.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="itemType"/> is <see langword="null"/>.</exception>
    /// <exception cref="JsonException">The body is neither shape, or an item cannot be read.</exception>
    public static SaltoKsList<T> Read<T>(ReadOnlySpan<byte> json, JsonTypeInfo<T> itemType)
    {
        ArgumentNullException.ThrowIfNull(itemType);

        JsonSerializerOptions options = itemType.Options;
        var reader = new Utf8JsonReader(json, new JsonReaderOptions
        {
            AllowTrailingCommas = options.AllowTrailingCommas,
            CommentHandling = options.ReadCommentHandling,
            MaxDepth = options.MaxDepth,
        });

        if (!reader.Read())
        {
            throw new JsonException("The list body is empty.");
        }

        SaltoKsList<T> list = reader.TokenType switch
        {
            JsonTokenType.StartArray => new SaltoKsList<T> { Items = ReadItems(ref reader, itemType) },
            JsonTokenType.StartObject => ReadEnvelope(ref reader, itemType),
            _ => throw new JsonException($"A list body must be a JSON object or array, not {reader.TokenType}."),
        };

        if (reader.Read())
        {
            throw new JsonException("The list body has data after its end.");
        }

        return list;
    }

    private static SaltoKsList<T> ReadEnvelope<T>(ref Utf8JsonReader reader, JsonTypeInfo<T> itemType)
    {
        IReadOnlyList<T> items = [];
        var hasItems = false;
        string? nextPageLink = null;
        int? count = null;

        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            string name = reader.GetString()!;
            reader.Read();
            if (name.Equals("items", StringComparison.OrdinalIgnoreCase))
            {
                hasItems = true;
                items = reader.TokenType switch
                {
                    JsonTokenType.StartArray => ReadItems(ref reader, itemType),
                    JsonTokenType.Null => [],
                    _ => throw new JsonException($"'items' must be a JSON array, not {reader.TokenType}."),
                };
            }
            else if (name.Equals("next_page_link", StringComparison.OrdinalIgnoreCase))
            {
                nextPageLink = reader.TokenType switch
                {
                    JsonTokenType.String => reader.GetString(),
                    JsonTokenType.Null => null,
                    _ => throw new JsonException($"'next_page_link' must be a JSON string, not {reader.TokenType}."),
                };
            }
            else if (name.Equals("count", StringComparison.OrdinalIgnoreCase))
            {
                count = ReadCount(ref reader);
            }
            else
            {
                reader.Skip();
            }
        }

        if (!hasItems)
        {
            throw new JsonException("The list envelope has no 'items' member.");
        }

        return new SaltoKsList<T> { Items = items, NextPageLink = nextPageLink, Count = count };
    }

    private static List<T> ReadItems<T>(ref Utf8JsonReader reader, JsonTypeInfo<T> itemType)
    {
        var items = new List<T>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            // A null item carries nothing to act on; dropping it keeps the rest of the page usable.
            if (JsonSerializer.Deserialize(ref reader, itemType) is { } item)
            {
                items.Add(item);
            }
        }

        return items;
    }

    private static int? ReadCount(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.Number when reader.TryGetInt32(out int count) => count,
        JsonTokenType.String when int.TryParse(reader.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out int count) => count,
        JsonTokenType.Null => null,
        _ => throw new JsonException("'count' must be a whole number."),
    };
}
