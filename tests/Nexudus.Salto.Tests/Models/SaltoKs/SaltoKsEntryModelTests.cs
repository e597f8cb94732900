using System.Text.Json;
using Nexudus.Salto.SaltoKs;

namespace Nexudus.Salto.Tests.Models.SaltoKs;

public sealed class SaltoKsEntryModelTests
{
    // The documented entry example, placeholders filled in.
    private const string EntryPageJson = """
        { "items": [ { "id": "4c3b2a19-0817-4f6e-9d5c-4b3a29180716", "event_category": "lock_rejected", "event_detail": "no_access",
            "utc_date_time": "2025-01-15T10:02:03Z", "local_date_time": "2025-01-15T11:02:03", "lock_id": "9a8b7c6d-1234-4e5f-8a9b-0c1d2e3f4a5b",
            "lock_customer_reference": "Front door", "access_by": "tag", "access_detail": "04A2B3C4",
            "user_id": "a7e3c9d1-2b4f-4e6a-8c0d-9e8f7a6b5c4d", "user_first_name": "Sam", "user_last_name": "Example", "user_alias": "Sam E.",
            "iq_id": "f0e1d2c3", "exit_requested": false } ],
          "continuation_token": "{\"token\":\"+RID:~abc\",\"range\":{\"min\":\"\",\"max\":\"FF\"}}" }
        """;

    [Fact]
    public void Deserialize_DocumentedEntryPage_ReadsEveryField()
    {
        SaltoKsContinuationPage<Entry> page = SaltoKsJsonAssert.RoundTrips(EntryPageJson, SaltoKsJsonContext.Default.SaltoKsContinuationPageEntry);

        Assert.Equal(
            new Entry
            {
                Id = "4c3b2a19-0817-4f6e-9d5c-4b3a29180716",
                EventCategory = EntryEventCategory.LockRejected,
                EventDetail = "no_access",
                UtcDateTime = new DateTimeOffset(2025, 1, 15, 10, 2, 3, TimeSpan.Zero),
                LocalDateTime = new DateTime(2025, 1, 15, 11, 2, 3),
                LockId = "9a8b7c6d-1234-4e5f-8a9b-0c1d2e3f4a5b",
                LockCustomerReference = "Front door",
                AccessBy = "tag",
                AccessDetail = "04A2B3C4",
                UserId = new PlatformUserId("a7e3c9d1-2b4f-4e6a-8c0d-9e8f7a6b5c4d"),
                UserFirstName = "Sam",
                UserLastName = "Example",
                UserAlias = "Sam E.",
                IqId = "f0e1d2c3",
                ExitRequested = false,
            },
            Assert.Single(page.Items));
        Assert.Equal("""{"token":"+RID:~abc","range":{"min":"","max":"FF"}}""", page.ContinuationToken);
    }

    [Fact]
    public void Deserialize_EmptyPageWithToken_KeepsTokenExactly()
    {
        SaltoKsContinuationPage<Entry> page = SaltoKsJsonAssert.RoundTrips(
            """{ "items": [], "continuation_token": "{\"a\":1}" }""",
            SaltoKsJsonContext.Default.SaltoKsContinuationPageEntry);

        Assert.Empty(page.Items);
        Assert.Equal("""{"a":1}""", page.ContinuationToken);
    }

    [Fact]
    public void Deserialize_LastPage_HasNoToken()
    {
        SaltoKsContinuationPage<Entry> page = JsonSerializer.Deserialize("""{ "items": [] }""", SaltoKsJsonContext.Default.SaltoKsContinuationPageEntry)!;

        Assert.Null(page.ContinuationToken);
    }

    [Theory]
    [InlineData("\"\"")]
    [InlineData("null")]
    public void Deserialize_EntryWithEmptyOrNullUserId_HasNoUser(string userId)
    {
        Entry entry = JsonSerializer.Deserialize($$"""{ "id": "e", "user_id": {{userId}} }""", SaltoKsJsonContext.Default.Entry)!;

        Assert.Null(entry.UserId);
    }

    [Fact]
    public void Deserialize_EntryWithoutUserFields_IsTolerated()
    {
        Entry entry = SaltoKsJsonAssert.RoundTrips(
            """{ "id": "e", "event_category": "lock_opened", "utc_date_time": "2025-01-15T10:00:00Z", "local_date_time": "2025-01-15T11:00:00" }""",
            SaltoKsJsonContext.Default.Entry);

        Assert.Equal(EntryEventCategory.LockOpened, entry.EventCategory);
        Assert.Null(entry.UserId);
        Assert.Null(entry.UserFirstName);
    }

    [Fact]
    public void Deserialize_EntryWithoutId_ThrowsJsonException() =>
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("""{ "event_category": "lock_opened" }""", SaltoKsJsonContext.Default.Entry));

    // An exit by the inside handle as a live site answered it (every field of the capture).
    private const string CapturedInsideExitJson = """
        { "items": [ {
            "id": "60503091-b6cd-45e8-965e-4e9c129bebc1", "event_category": "lock_opened", "event_detail": null,
            "utc_date_time": "2026-08-19T09:46:42Z", "local_date_time": "2026-08-19T11:46:42",
            "lock_id": "4d77312f-4a87-41db-a97b-f9d948dcc908", "lock_mac_address": "0163813000002C", "lock_customer_reference": "Door 01",
            "user_id": null, "user_first_name": null, "user_last_name": null, "user_image_url": null, "user_alias": null,
            "iq_id": "5dfdc54e-8335-11f0-a2ed-6045bd92d38f", "iq_customer_reference": "IQ 01", "iq_mac_address": "3B.9E.05", "iq_revision": "2.0",
            "exit_requested": true, "access_by": "inside_handle", "access_detail": "",
            "ttl_in_seconds": 7776000, "expiration_date_time": "2026-11-17T09:47:01.219Z" } ],
          "continuation_token": null }
        """;

    [Fact]
    public void Deserialize_CapturedInsideHandleExit_ReadsEveryLiveField()
    {
        var entry = Assert.Single(SaltoKsJsonAssert.RoundTrips(CapturedInsideExitJson, SaltoKsJsonContext.Default.SaltoKsContinuationPageEntry).Items);

        Assert.Null(entry.UserId);
        Assert.Equal(EntryEventCategory.LockOpened, entry.EventCategory);
        Assert.Equal("inside_handle", entry.AccessBy);
        Assert.Equal(string.Empty, entry.AccessDetail);
        Assert.True(entry.ExitRequested);
        Assert.Equal("0163813000002C", entry.LockMacAddress);
        Assert.Equal("5dfdc54e-8335-11f0-a2ed-6045bd92d38f", entry.IqId);
        Assert.Equal("IQ 01", entry.IqCustomerReference);
        Assert.Equal("3B.9E.05", entry.IqMacAddress);
        Assert.Equal("2.0", entry.IqRevision);
        Assert.Equal(7_776_000, entry.TtlInSeconds);
        Assert.Equal(new DateTimeOffset(2026, 11, 17, 9, 47, 1, 219, TimeSpan.Zero), entry.ExpirationDateTime);
        Assert.Equal(new DateTime(2026, 8, 19, 11, 46, 42), entry.LocalDateTime);
    }
}
