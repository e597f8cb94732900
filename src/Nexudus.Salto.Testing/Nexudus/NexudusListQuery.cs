using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Nexudus.Salto.Testing;

/// <summary>
/// A list (search) request as Nexudus reads it: <c>page</c>/<c>size</c>,
/// <c>orderBy</c>/<c>dir</c>, <c>{Entity}_{Property}</c> equality filters (foreign keys without
/// <c>Id</c>, related names as <c>{Entity}_{Nav}_{Property}</c> where the record carries them
/// flattened) and <c>from_</c>/<c>to_</c> range filters, all combined with AND.
/// </summary>
internal sealed class NexudusListQuery
{
    private readonly List<(string Property, FilterKind Kind, string Value)> _filters = [];

    private NexudusListQuery(NexudusEntityKind kind)
    {
        Kind = kind;
        OrderField = kind.DefaultOrderField;
        Descending = kind.DefaultOrderDescending;
    }

    private enum FilterKind
    {
        Equal,
        From,
        To,
    }

    public NexudusEntityKind Kind { get; }

    public int Page { get; private set; } = 1;

    public int Size { get; private set; }

    public string OrderField { get; private set; }

    public bool Descending { get; private set; }

    /// <summary>Reads the query; returns <see langword="null"/> and an error when a parameter is not understood and the options say to reject it.</summary>
    public static NexudusListQuery? Parse(NexudusEntityKind kind, IQueryCollection query, NexudusSandboxOptions options, out string? error)
    {
        error = null;
        var result = new NexudusListQuery(kind) { Size = options.DefaultPageSize };
        var unknown = new List<string>();
        string? dir = null;
        var orderByGiven = false;

        foreach (var (key, values) in query)
        {
            var value = values.ToString().Trim();
            if (Is(key, "page"))
            {
                result.Page = int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var page) && page >= 1 ? page : 1;
            }
            else if (Is(key, "size"))
            {
                result.Size = int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var size) && size >= 1
                    ? size
                    : options.DefaultPageSize;
            }
            else if (Is(key, "orderBy"))
            {
                if (kind.PropertyNames.FirstOrDefault(p => Is(p, value)) is { } field)
                {
                    result.OrderField = field;
                    result.Descending = false;
                    orderByGiven = true;
                }
                else if (value.Length > 0)
                {
                    unknown.Add(key);
                }
            }
            else if (Is(key, "dir"))
            {
                dir = value;
            }
            else if (value.Length == 0)
            {
                // An empty filter value binds to "no filter".
            }
            else if (Is(key, "id"))
            {
                result._filters.Add(("Id", FilterKind.Equal, value));
            }
            else if (result.ResolveFilter(key) is { } filter && (filter.Kind == FilterKind.Equal || Parsable(value)))
            {
                result._filters.Add((filter.Property, filter.Kind, value));
            }
            else
            {
                unknown.Add(key);
            }
        }

        if (dir is not null)
        {
            if (ParseDirection(dir, options.SortDirectionEncodings) is { } descending)
            {
                result.Descending = descending;
            }
            else if (!orderByGiven)
            {
                result.Descending = kind.DefaultOrderDescending;
            }
        }

        result.Size = Math.Min(result.Size, options.MaxPageSize);
        if (unknown.Count > 0 && options.RejectUnknownQueryParameters)
        {
            error = $"The request has parameters the sandbox does not understand: {string.Join(", ", unknown)}.";
            return null;
        }

        return result;
    }

    /// <summary>Filters, orders and pages <paramref name="records"/> (wire JSON) into a list envelope.</summary>
    public JsonObject ToEnvelope(IEnumerable<JsonObject> records)
    {
        var matching = records.Where(Matches).ToList();
        matching.Sort((a, b) =>
        {
            var order = CompareValues(a[OrderField], b[OrderField]);
            if (Descending)
            {
                order = -order;
            }

            return order != 0 ? order : Comparer<long?>.Default.Compare(NexudusWire.ReadLong(a["Id"]), NexudusWire.ReadLong(b["Id"]));
        });

        var total = matching.Count;
        var totalPages = (total + Size - 1) / Size;
        var pageRecords = matching.Skip((int)Math.Min(int.MaxValue, (long)(Page - 1) * Size)).Take(Size).ToList();
        var first = pageRecords.Count == 0 ? 0 : ((Page - 1) * Size) + 1;
        var array = new JsonArray();
        foreach (var record in pageRecords)
        {
            // The records may be shared (the handler keeps their wire form between calls): the page gets copies.
            array.Add(record.DeepClone());
        }

        return new JsonObject
        {
            ["Records"] = array,
            ["CurrentPage"] = Page,
            ["CurrentPageSize"] = Size,
            ["CurrentOrderField"] = OrderField,
            ["CurrentSortDirection"] = Descending ? 1 : 0,
            ["FirstItem"] = first,
            ["LastItem"] = pageRecords.Count == 0 ? 0 : first + pageRecords.Count - 1,
            ["TotalItems"] = total,
            ["TotalPages"] = totalPages,
            ["HasNextPage"] = Page < totalPages,
            ["HasPreviousPage"] = Page > 1,
        };
    }

    private static bool? ParseDirection(string value, NexudusSortDirectionEncodings accepted)
    {
        var zeroOne = accepted.HasFlag(NexudusSortDirectionEncodings.ZeroAscendingOneDescending);
        var oneMinusOne = accepted.HasFlag(NexudusSortDirectionEncodings.OneAscendingMinusOneDescending);
        var words = accepted.HasFlag(NexudusSortDirectionEncodings.Words);
        return value switch
        {
            "0" when zeroOne => false,
            "1" when zeroOne => true,
            "1" when oneMinusOne => false,
            "-1" when oneMinusOne => true,
            _ when words && Is(value, "ascending") => false,
            _ when words && Is(value, "descending") => true,
            _ => null,
        };
    }

    private (string Property, FilterKind Kind)? ResolveFilter(string key)
    {
        var kind = FilterKind.Equal;
        var name = key;
        if (name.StartsWith("from_", StringComparison.OrdinalIgnoreCase))
        {
            kind = FilterKind.From;
            name = name[5..];
        }
        else if (name.StartsWith("to_", StringComparison.OrdinalIgnoreCase))
        {
            kind = FilterKind.To;
            name = name[3..];
        }

        var prefix = Kind.Name + "_";
        if (!name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var rest = name[prefix.Length..];

        // Property, foreign key without "Id" (Booking_Resource), or a related property the record
        // carries flattened (Booking_Resource_Name → ResourceName, Booking_Resource_Id → ResourceId).
        string[] candidates = [rest, rest + "Id", rest.Replace("_", string.Empty, StringComparison.Ordinal)];
        foreach (var candidate in candidates)
        {
            if (Kind.PropertyNames.FirstOrDefault(p => Is(p, candidate)) is { } property)
            {
                return (property, kind);
            }
        }

        return null;
    }

    private bool Matches(JsonObject record)
    {
        foreach (var (property, kind, value) in _filters)
        {
            var node = record[property];
            var ok = kind switch
            {
                FilterKind.Equal => EqualsFilter(node, value),
                FilterKind.From => CompareToFilter(node, value) is >= 0,
                _ => CompareToFilter(node, value) is <= 0,
            };
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    private static bool EqualsFilter(JsonNode? node, string filter)
    {
        switch (node)
        {
            case JsonArray array:
                return array.Any(item => EqualsFilter(item, filter));
            case JsonValue value:
                switch (value.GetValueKind())
                {
                    case JsonValueKind.True:
                    case JsonValueKind.False:
                        return bool.TryParse(filter, out var flag) && flag == (value.GetValueKind() == JsonValueKind.True);
                    case JsonValueKind.Number:
                        return decimal.TryParse(filter, NumberStyles.Number, CultureInfo.InvariantCulture, out var number) &&
                               value.GetValue<decimal>() == number;
                    case JsonValueKind.String:
                        var text = value.GetValue<string>();
                        if (LooksLikeDate(text) && NexudusWire.ReadDate(value) is { } date && ParseDate(filter) is { } wanted)
                        {
                            return date == wanted;
                        }

                        return string.Equals(text, filter, StringComparison.OrdinalIgnoreCase);
                    default:
                        return false;
                }

            default:
                return false;
        }
    }

    /// <summary>Compares a record value with a range bound; <see langword="null"/> when they cannot be compared (never matches).</summary>
    private static int? CompareToFilter(JsonNode? node, string filter)
    {
        if (node is not JsonValue value)
        {
            return null;
        }

        return value.GetValueKind() switch
        {
            JsonValueKind.Number when decimal.TryParse(filter, NumberStyles.Number, CultureInfo.InvariantCulture, out var bound) =>
                value.GetValue<decimal>().CompareTo(bound),
            JsonValueKind.String when NexudusWire.ReadDate(value) is { } date && ParseDate(filter) is { } bound => date.CompareTo(bound),
            _ => null,
        };
    }

    private static bool Parsable(string value) =>
        decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out _) || ParseDate(value) is not null;

    /// <summary>Reads <c>yyyy-MM-ddTHH:mm</c> (documented), <c>yyyy-MM-ddTHH:mm:ssZ</c> (observed) or any ISO 8601 value; no offset means UTC.</summary>
    private static DateTimeOffset? ParseDate(string text) =>
        LooksLikeDate(text) && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
            ? date.ToUniversalTime()
            : null;

    private static bool LooksLikeDate(string text) => text.Length >= 10 && text[4] == '-' && text[7] == '-';

    private static int CompareValues(JsonNode? a, JsonNode? b)
    {
        if (a is not JsonValue x)
        {
            return b is JsonValue ? -1 : 0;
        }

        if (b is not JsonValue y)
        {
            return 1;
        }

        var kindX = x.GetValueKind();
        var kindY = y.GetValueKind();
        if (kindX == JsonValueKind.Number && kindY == JsonValueKind.Number)
        {
            return x.GetValue<decimal>().CompareTo(y.GetValue<decimal>());
        }

        if (kindX == JsonValueKind.String && kindY == JsonValueKind.String)
        {
            var textX = x.GetValue<string>();
            var textY = y.GetValue<string>();
            if (LooksLikeDate(textX) && LooksLikeDate(textY) && NexudusWire.ReadDate(x) is { } dateX && NexudusWire.ReadDate(y) is { } dateY)
            {
                return dateX.CompareTo(dateY);
            }

            return string.Compare(textX, textY, StringComparison.OrdinalIgnoreCase);
        }

        if (IsBool(kindX) && IsBool(kindY))
        {
            return (kindX == JsonValueKind.True).CompareTo(kindY == JsonValueKind.True);
        }

        return ((int)kindX).CompareTo((int)kindY);
    }

    private static bool IsBool(JsonValueKind kind) => kind is JsonValueKind.True or JsonValueKind.False;

    private static bool Is(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
