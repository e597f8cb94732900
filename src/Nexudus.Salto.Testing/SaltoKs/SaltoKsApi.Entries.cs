using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Nexudus.Salto.SaltoKs;

namespace Nexudus.Salto.Testing;

/// <summary>
/// Entries: OData filter and order but no OData paging; pages continue through a
/// <c>continuation_token</c> sent back in the <c>CLP-Continuation-Token</c> header. Entries become
/// visible only after the ingestion delay.
/// </summary>
internal sealed partial class SaltoKsApi
{
    private const string ContinuationHeader = "CLP-Continuation-Token";

    private static readonly IReadOnlyDictionary<string, ODataField<EntryRecord>> EntryFilterFields = ODataField<EntryRecord>.Map(
        new("id", ODataFieldKind.Text, e => e.Entry.Id),
        new("utc_date_time", ODataFieldKind.Instant, e => e.Entry.UtcDateTime),
        new("local_date_time", ODataFieldKind.WallClock, e => e.Entry.LocalDateTime),
        new("lock_id", ODataFieldKind.Text, e => e.Entry.LockId),
        new("user_id", ODataFieldKind.Text, e => e.Entry.UserId?.Value),
        new("event_category", ODataFieldKind.Text, e => e.Entry.EventCategory?.ToString()));

    private static readonly IReadOnlyDictionary<string, ODataField<EntryRecord>> EntryOrderFields = ODataField<EntryRecord>.Map(
        new("utc_date_time", ODataFieldKind.Instant, e => e.Entry.UtcDateTime),
        new("local_date_time", ODataFieldKind.WallClock, e => e.Entry.LocalDateTime));

    private Task ListEntriesAsync(HttpContext context)
    {
        IQueryCollection query = context.Request.Query;
        if (query.ContainsKey("$skip") || query.ContainsKey("$inlinecount"))
        {
            throw new ODataSyntaxException("Entries page by continuation token, not by OData paging.");
        }

        int top = Count(query, "$top") ?? options.MaxEntryPageSize;
        int pageSize = Math.Min(top, options.MaxEntryPageSize);
        Func<EntryRecord, bool> filter = Option(query, "$filter") is { } filterText
            ? ODataFilter.Parse(filterText, EntryFilterFields, TextComparison, options.AcceptOrAndNotInFilters)
            : _ => true;
        Comparison<EntryRecord> order = ODataFilter.ParseOrderBy(Option(query, "$orderby") ?? "utc_date_time", EntryOrderFields);

        // The sequence breaks ties, so the order is total and a cursor names one exact place.
        Comparison<EntryRecord> total = (a, b) => order(a, b) is var c && c != 0 ? c : a.Sequence.CompareTo(b.Sequence);
        EntryCursor cursor = EntryCursor.Parse(context.Request.Headers[ContinuationHeader].ToString());

        List<EntryRecord> after;
        lock (state.Gate)
        {
            SiteRecord site = Site(context);
            DateTimeOffset now = Now;
            EntryRecord? last = cursor.AfterSequence is { } sequence
                ? site.Entries.Find(e => e.Sequence == sequence) ?? throw SaltoKsApiFailure.RequestInvalid("The continuation token is invalid")
                : null;
            after = [.. site.Entries.Where(e => e.VisibleAt <= now && filter(e) && (last is null || total(e, last) > 0))];
        }

        after.Sort(total);
        SaltoKsContinuationPage<Entry> page;
        if (cursor.EmptyPagesServed < options.EmptyEntryPagesFirst)
        {
            // "An empty items with a token still means more data".
            page = new SaltoKsContinuationPage<Entry> { ContinuationToken = (cursor with { EmptyPagesServed = cursor.EmptyPagesServed + 1 }).ToToken() };
        }
        else
        {
            List<EntryRecord> items = after.GetRange(0, Math.Min(pageSize, after.Count));
            bool more = after.Count > items.Count;
            bool tokenAnyway = options.EntryTokenOnLastPage && items.Count > 0;
            string? token = more || tokenAnyway
                ? (cursor with { AfterSequence = items.Count > 0 ? items[^1].Sequence : cursor.AfterSequence }).ToToken()
                : null;
            page = new SaltoKsContinuationPage<Entry> { Items = [.. items.Select(e => e.Entry)], ContinuationToken = token };
        }

        return WriteJsonAsync(context, 200, page, Json.SaltoKsContinuationPageEntry);
    }

    /// <summary>
    /// Where an entries query stands: after which entry, and how many leading empty pages were served.
    /// Sent as JSON text, like the real service's escaped-JSON token.
    /// </summary>
    private sealed record EntryCursor(long? AfterSequence, int EmptyPagesServed)
    {
        public static EntryCursor Parse(string header)
        {
            if (string.IsNullOrEmpty(header))
            {
                return new EntryCursor(null, 0);
            }

            try
            {
                using JsonDocument document = JsonDocument.Parse(header);
                JsonElement root = document.RootElement;
                long? after = root.GetProperty("next_row").ValueKind == JsonValueKind.Null ? null : root.GetProperty("next_row").GetInt64();
                return new EntryCursor(after, root.GetProperty("empty_pages").GetInt32());
            }
            catch (Exception exception) when (exception is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
            {
                throw new SaltoKsApiFailure("The continuation token is invalid", exception);
            }
        }

        public string ToToken() =>
            string.Create(CultureInfo.InvariantCulture, $"{{\"next_row\":{(AfterSequence is { } s ? s.ToString(CultureInfo.InvariantCulture) : "null")},\"empty_pages\":{EmptyPagesServed}}}");
    }
}
