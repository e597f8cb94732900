using Nexudus.Salto.CheckIns;
using Nexudus.Salto.Reports;

namespace Nexudus.Salto.Tests.Reports;

/// <summary>Hand-made report rows for the writer tests, in a fixed +01:00 location.</summary>
internal static class ReportRows
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(1);

    public static AccessReportRow Row(
        string id,
        int hour,
        int minute = 0,
        long? customerId = 7,
        string? name = "Ada Lovelace",
        string? email = "ada@example.com",
        DoorEntryResult result = DoorEntryResult.Opened,
        ReaderRole role = ReaderRole.CheckIn,
        int day = 2) =>
        new()
        {
            EntryId = id,
            SiteId = "site",
            NexudusBusinessId = 1,
            Location = "Central",
            OccurredAt = new DateTimeOffset(2025, 6, day, hour, minute, 0, Offset).ToUniversalTime(),
            LocalTime = new DateTimeOffset(2025, 6, day, hour, minute, 0, Offset),
            LockId = "lock",
            Door = "Front door",
            DoorRole = role,
            CustomerId = customerId,
            CustomerName = customerId is null ? null : name,
            Email = customerId is null ? null : email,
            Result = result,
            Detail = result == DoorEntryResult.Rejected ? "lock_rejected/no_access" : "lock_opened",
        };

    public static async IAsyncEnumerable<AccessReportRow> Stream(params AccessReportRow[] rows)
    {
        foreach (var row in rows)
        {
            await Task.Yield();
            yield return row;
        }
    }
}
