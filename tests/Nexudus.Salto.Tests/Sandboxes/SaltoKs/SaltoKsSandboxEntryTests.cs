using System.Net;
using System.Text.Json;
using Nexudus.Salto.SaltoKs;
using Nexudus.Salto.Testing;

namespace Nexudus.Salto.Tests.Sandboxes.SaltoKs;

/// <summary>Entries: v1.1 only, OData filter and order, continuation tokens, ingestion delay.</summary>
public sealed class SaltoKsSandboxEntryTests
{
    private const string Entries = $"v1.1/sites/{SaltoKsTestHost.SiteId}/entries";
    private static readonly DateTimeOffset Morning = SaltoKsTestHost.Start.AddHours(-1);

    private static SaltoKsSeedBuilder FiveEntries(SaltoKsSeedBuilder b)
    {
        SaltoKsTestHost.Standard(b);
        for (int i = 0; i < 5; i++)
        {
            b.Entry(i % 2 == 0 ? SaltoKsTestHost.FrontDoor : SaltoKsTestHost.MeetingRoom, Morning.AddMinutes(i), SaltoKsTestHost.AnnUser, id: $"entry-{i}");
        }

        return b;
    }

    [Fact]
    public async Task ListEntries_V12_Answers405()
    {
        await using var host = await SaltoKsTestHost.StartAsync();

        SaltoKsTestHost.Reply reply = await host.GetAsync($"v1.2/sites/{SaltoKsTestHost.SiteId}/entries");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, reply.Status);
    }

    [Fact]
    public async Task ListEntries_DocumentedFields_AreOnTheWire()
    {
        await using var host = await SaltoKsTestHost.StartAsync(seed: b => SaltoKsTestHost.Standard(b)
            .Entry(SaltoKsTestHost.FrontDoor, new DateTimeOffset(2025, 3, 4, 7, 30, 0, TimeSpan.Zero), SaltoKsTestHost.AnnUser, EntryEventCategory.LockRejected, "no_access"));

        SaltoKsTestHost.Reply reply = await host.GetAsync(Entries);

        JsonElement entry = Assert.Single(reply.Items);
        Assert.Equal("lock_rejected", entry.GetProperty("event_category").GetString());
        Assert.Equal("no_access", entry.GetProperty("event_detail").GetString());
        Assert.Equal("2025-03-04T07:30:00Z", entry.GetProperty("utc_date_time").GetString());
        Assert.Equal("2025-03-04T08:30:00", entry.GetProperty("local_date_time").GetString()); // Europe/Madrid, CET
        Assert.Equal(SaltoKsTestHost.FrontDoor, entry.GetProperty("lock_id").GetString());
        Assert.Equal("Front door", entry.GetProperty("lock_customer_reference").GetString());
        Assert.Equal(SaltoKsTestHost.AnnUser.Value, entry.GetProperty("user_id").GetString());
        Assert.Equal("Ann", entry.GetProperty("user_first_name").GetString());
        Assert.True(reply.Json.TryGetProperty("continuation_token", out _));
    }

    private static readonly string[] CapturedEntryFields =
    [
        "id", "event_category", "event_detail", "utc_date_time", "local_date_time", "lock_id", "lock_mac_address",
        "lock_customer_reference", "user_id", "user_first_name", "user_last_name", "user_image_url", "user_alias",
        "iq_id", "iq_customer_reference", "iq_mac_address", "iq_revision", "exit_requested", "access_by", "access_detail",
        "ttl_in_seconds", "expiration_date_time",
    ];

    [Fact]
    public async Task ListEntries_EveryEntry_CarriesEveryFieldOfTheLiveCapture()
    {
        await using var host = await SaltoKsTestHost.StartAsync(seed: b => SaltoKsTestHost.Standard(b)
            .Entry(SaltoKsTestHost.FrontDoor, Morning, SaltoKsTestHost.AnnUser)
            .InsideHandleExit(SaltoKsTestHost.FrontDoor, Morning.AddMinutes(1)));

        SaltoKsTestHost.Reply reply = await host.GetAsync(Entries);

        Assert.Equal(2, reply.Items.Count);
        Assert.All(reply.Items, entry => Assert.Equal(
            CapturedEntryFields.Order(StringComparer.Ordinal),
            entry.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal)));
    }

    [Fact]
    public async Task ListEntries_CapturedShapes_AreServedAsTheLiveServiceWritesThem()
    {
        await using var host = await SaltoKsTestHost.StartAsync(seed: b => SaltoKsTestHost.Standard(b)
            .InsideHandleExit(SaltoKsTestHost.FrontDoor, Morning, id: "exit")
            .OfficeModeEntry(SaltoKsTestHost.FrontDoor, Morning.AddMinutes(1), SaltoKsTestHost.AnnUser, start: true, tagNumber: "02309289", id: "eom")
            .TagEntry(SaltoKsTestHost.FrontDoor, Morning.AddMinutes(2), "02307300", eventCategory: EntryEventCategory.LockRejected, id: "tag")
            .UnknownPinRejection(SaltoKsTestHost.FrontDoor, Morning.AddMinutes(3), id: "pin"));

        var byId = (await host.GetAsync(Entries)).Items.ToDictionary(e => e.GetProperty("id").GetString()!);

        var exit = byId["exit"];
        Assert.Equal("lock_opened", exit.GetProperty("event_category").GetString());
        Assert.Equal(JsonValueKind.Null, exit.GetProperty("user_id").ValueKind);
        Assert.Equal("inside_handle", exit.GetProperty("access_by").GetString());
        Assert.Equal(string.Empty, exit.GetProperty("access_detail").GetString());
        Assert.True(exit.GetProperty("exit_requested").GetBoolean());
        var officeMode = byId["eom"];
        Assert.Equal("easy_office_mode", officeMode.GetProperty("event_category").GetString());
        Assert.Equal("start", officeMode.GetProperty("event_detail").GetString());
        Assert.Equal("02309289", officeMode.GetProperty("access_detail").GetString());
        var tag = byId["tag"];
        Assert.Equal(JsonValueKind.Null, tag.GetProperty("user_id").ValueKind);
        Assert.Equal("tag", tag.GetProperty("access_by").GetString());
        Assert.Equal("02307300", tag.GetProperty("access_detail").GetString());
        var pin = byId["pin"];
        Assert.Equal(SaltoKsSeedBuilder.UnknownPinUser.Value, pin.GetProperty("user_id").GetString());
        Assert.Equal("no_access", pin.GetProperty("event_detail").GetString());
        Assert.Equal(JsonValueKind.Null, pin.GetProperty("user_first_name").ValueKind);
    }

    [Fact]
    public async Task ListEntries_MoreThanTop_PagesThroughContinuationHeaderUntilNoToken()
    {
        await using var host = await SaltoKsTestHost.StartAsync(seed: b => FiveEntries(b));

        var ids = new List<string>();
        string? token = null;
        int pages = 0;
        do
        {
            string? sent = token;
            SaltoKsTestHost.Reply page = await host.GetAsync($"{Entries}?$top=2", r =>
            {
                if (sent is not null)
                {
                    r.Headers.Add("CLP-Continuation-Token", sent);
                }
            });
            ids.AddRange(page.Items.Select(i => i.GetProperty("id").GetString()!));
            token = page.Json.GetProperty("continuation_token").GetString();
            pages++;
        }
        while (token is not null);

        Assert.Equal(3, pages);
        Assert.Equal(["entry-0", "entry-1", "entry-2", "entry-3", "entry-4"], ids);
    }

    [Fact]
    public async Task ListEntries_TokenOnTheWire_IsEscapedJsonText()
    {
        await using var host = await SaltoKsTestHost.StartAsync(seed: b => FiveEntries(b));

        SaltoKsTestHost.Reply page = await host.GetAsync($"{Entries}?$top=2");

        JsonElement token = page.Json.GetProperty("continuation_token");
        Assert.Equal(JsonValueKind.String, token.ValueKind);
        using JsonDocument inner = JsonDocument.Parse(token.GetString()!);
        Assert.Equal(JsonValueKind.Object, inner.RootElement.ValueKind);
    }

    [Fact]
    public async Task ListEntries_EmptyPagesFirst_AnswersEmptyItemsWithATokenBeforeTheData()
    {
        await using var host = await SaltoKsTestHost.StartAsync(o => o.EmptyEntryPagesFirst = 2, seed: b => FiveEntries(b));

        SaltoKsTestHost.Reply first = await host.GetAsync(Entries);
        SaltoKsTestHost.Reply second = await host.GetAsync(Entries, r => r.Headers.Add("CLP-Continuation-Token", first.Json.GetProperty("continuation_token").GetString()));
        SaltoKsTestHost.Reply third = await host.GetAsync(Entries, r => r.Headers.Add("CLP-Continuation-Token", second.Json.GetProperty("continuation_token").GetString()));

        Assert.Empty(first.Items);
        Assert.NotNull(first.Json.GetProperty("continuation_token").GetString());
        Assert.Empty(second.Items);
        Assert.Equal(5, third.Items.Count);
        Assert.Equal(JsonValueKind.Null, third.Json.GetProperty("continuation_token").ValueKind);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ListEntries_LastPageWithData_CarriesATokenOnlyWhenConfigured(bool tokenOnLastPage)
    {
        await using var host = await SaltoKsTestHost.StartAsync(o => o.EntryTokenOnLastPage = tokenOnLastPage, seed: b => FiveEntries(b));

        SaltoKsTestHost.Reply page = await host.GetAsync(Entries);

        Assert.Equal(5, page.Items.Count);
        Assert.Equal(tokenOnLastPage, page.Json.GetProperty("continuation_token").ValueKind == JsonValueKind.String);
    }

    [Fact]
    public async Task ListEntries_TokenOnLastPage_NextCallAnswersEmptyItemsWithoutToken()
    {
        await using var host = await SaltoKsTestHost.StartAsync(o => o.EntryTokenOnLastPage = true, seed: b => FiveEntries(b));
        SaltoKsTestHost.Reply page = await host.GetAsync(Entries);

        SaltoKsTestHost.Reply end = await host.GetAsync(Entries, r => r.Headers.Add("CLP-Continuation-Token", page.Json.GetProperty("continuation_token").GetString()));

        Assert.Empty(end.Items);
        Assert.Equal(JsonValueKind.Null, end.Json.GetProperty("continuation_token").ValueKind);
    }

    [Fact]
    public async Task ListEntries_FilterOnUtcDateTimeWithV3Literals_AnswersTheRange()
    {
        await using var host = await SaltoKsTestHost.StartAsync(seed: b => FiveEntries(b));
        string filter = $"utc_date_time ge DateTime'{Morning.AddMinutes(1):yyyy-MM-ddTHH:mm:ssZ}' and utc_date_time lt DateTime'{Morning.AddMinutes(3):yyyy-MM-ddTHH:mm:ssZ}'";

        SaltoKsTestHost.Reply reply = await host.GetAsync($"{Entries}?$filter=" + Uri.EscapeDataString(filter));

        Assert.Equal(["entry-1", "entry-2"], reply.Items.Select(i => i.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task ListEntries_FilterOnLockId_AnswersThatLocksEntries()
    {
        await using var host = await SaltoKsTestHost.StartAsync(seed: b => FiveEntries(b));

        SaltoKsTestHost.Reply reply = await host.GetAsync($"{Entries}?$filter=" + Uri.EscapeDataString($"lock_id eq '{SaltoKsTestHost.MeetingRoom}'"));

        Assert.Equal(["entry-1", "entry-3"], reply.Items.Select(i => i.GetProperty("id").GetString()));
    }

    [Theory]
    [InlineData(false, HttpStatusCode.BadRequest)]
    [InlineData(true, HttpStatusCode.OK)]
    public async Task ListEntries_OrOfLockIds_IsAcceptedOnlyWhenConfigured(bool acceptOr, HttpStatusCode expected)
    {
        await using var host = await SaltoKsTestHost.StartAsync(o => o.AcceptOrAndNotInFilters = acceptOr, seed: b => FiveEntries(b));
        string filter = $"(lock_id eq '{SaltoKsTestHost.MeetingRoom}' or lock_id eq 'other-lock')";

        SaltoKsTestHost.Reply reply = await host.GetAsync($"{Entries}?$filter=" + Uri.EscapeDataString(filter));

        Assert.Equal(expected, reply.Status);
        if (acceptOr)
        {
            Assert.Equal(["entry-1", "entry-3"], reply.Items.Select(i => i.GetProperty("id").GetString()));
        }
    }

    [Fact]
    public async Task ListEntries_OrderByUtcDateTimeDesc_AnswersNewestFirst()
    {
        await using var host = await SaltoKsTestHost.StartAsync(seed: b => FiveEntries(b));

        SaltoKsTestHost.Reply reply = await host.GetAsync($"{Entries}?$orderby=" + Uri.EscapeDataString("utc_date_time desc") + "&$top=2");

        Assert.Equal(["entry-4", "entry-3"], reply.Items.Select(i => i.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task ListEntries_OrderByDate_Answers400With1102()
    {
        await using var host = await SaltoKsTestHost.StartAsync();

        SaltoKsTestHost.Reply reply = await host.GetAsync($"{Entries}?$orderby=date");

        Assert.Equal("1102", reply.Code);
    }

    [Fact]
    public async Task ListEntries_SkipOption_Answers400With1102()
    {
        await using var host = await SaltoKsTestHost.StartAsync(seed: b => FiveEntries(b));

        SaltoKsTestHost.Reply reply = await host.GetAsync($"{Entries}?$skip=2");

        Assert.Equal("1102", reply.Code);
    }

    [Fact]
    public async Task ListEntries_GarbageContinuationToken_Answers400()
    {
        await using var host = await SaltoKsTestHost.StartAsync(seed: b => FiveEntries(b));

        SaltoKsTestHost.Reply reply = await host.GetAsync(Entries, r => r.Headers.Add("CLP-Continuation-Token", "not-a-token"));

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
    }

    [Fact]
    public async Task AddEntry_InsideIngestionDelay_IsNotListedUntilTheDelayPasses()
    {
        await using var host = await SaltoKsTestHost.StartAsync(o => o.EntryIngestionDelay = TimeSpan.FromMinutes(5));
        host.Sandbox.AddEntry(SaltoKsTestHost.SiteId, SaltoKsTestHost.FrontDoor, SaltoKsTestHost.AnnUser);

        SaltoKsTestHost.Reply before = await host.GetAsync(Entries);
        host.Time.Advance(TimeSpan.FromMinutes(5));
        SaltoKsTestHost.Reply after = await host.GetAsync(Entries);

        Assert.Empty(before.Items);
        Assert.Single(after.Items);
    }

    [Fact]
    public async Task LateEntry_OlderThanTheCursor_IsMissedByTheContinuationButFoundByANewQuery()
    {
        await using var host = await SaltoKsTestHost.StartAsync(o => o.EntryTokenOnLastPage = true, seed: b => FiveEntries(b));
        SaltoKsTestHost.Reply page = await host.GetAsync(Entries);
        host.Sandbox.Seed(b => b.Entry(SaltoKsTestHost.FrontDoor, Morning.AddSeconds(30), SaltoKsTestHost.BobUser, id: "late", visibleAt: SaltoKsTestHost.Start));

        SaltoKsTestHost.Reply continued = await host.GetAsync(Entries, r => r.Headers.Add("CLP-Continuation-Token", page.Json.GetProperty("continuation_token").GetString()));
        SaltoKsTestHost.Reply fresh = await host.GetAsync(Entries);

        Assert.Empty(continued.Items);
        Assert.Contains(fresh.Items, i => i.GetProperty("id").GetString() == "late");
    }
}
