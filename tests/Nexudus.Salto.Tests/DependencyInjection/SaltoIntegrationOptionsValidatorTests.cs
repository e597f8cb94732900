using Nexudus.Salto.CheckIns;
using Nexudus.Salto.DependencyInjection;
using Nexudus.Salto.Entitlements;
using Nexudus.Salto.Sync;

namespace Nexudus.Salto.Tests.DependencyInjection;

public sealed class SaltoIntegrationOptionsValidatorTests
{
    private static SaltoLocationOptions Location(long business, string site)
    {
        var location = new SaltoLocationOptions { NexudusBusinessId = business, SaltoSiteId = site };
        location.TimePassGroups[1414999001] = ["group-day"];
        return location;
    }

    private static SaltoIntegrationOptions Valid()
    {
        var options = new SaltoIntegrationOptions();
        options.Locations.Add(Location(1414000001, "site-a"));
        return options;
    }

    private static IReadOnlyList<string> Failures(SaltoIntegrationOptions options) =>
        SaltoIntegrationOptionsValidator.GetFailures(options, "SaltoIntegration");

    [Fact]
    public void Validate_OneValidLocation_Succeeds()
    {
        var result = new SaltoIntegrationOptionsValidator().Validate(null, Valid());

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Fact]
    public void Validate_Defaults_StateTheDocumentedValues()
    {
        var options = new SaltoIntegrationOptions();

        Assert.Equal("nexudus-salto.db", options.StatePath);
        Assert.Equal(25, options.Safety.MaxRevocations);
        Assert.Equal(20, options.Safety.MaxRevocationPercent);
        Assert.Equal(TimeSpan.FromHours(1), options.CheckInLookBack);
        Assert.Equal(TimeSpan.FromMinutes(15), options.Worker.SyncInterval);
        Assert.Equal(TimeSpan.FromMinutes(1), options.Worker.CheckInInterval);
        Assert.Equal(5, options.Worker.QuarantineAfterFailures);
        Assert.Equal(4, options.SaltoWriteConcurrency);
    }

    [Fact]
    public void Validate_NoLocation_NamesLocations()
    {
        Assert.Equal(["SaltoIntegration:Locations must list at least one location."], Failures(new SaltoIntegrationOptions()));
    }

    [Fact]
    public void Validate_SecondLocationWithoutIds_NamesBothKeysByIndex()
    {
        var options = Valid();
        options.Locations.Add(new SaltoLocationOptions());

        Assert.Equal(
            [
                "SaltoIntegration:Locations:1:SaltoSiteId is required.",
                "SaltoIntegration:Locations:1:NexudusBusinessId is required and must be a positive Nexudus business id.",
            ],
            Failures(options));
    }

    [Fact]
    public void Validate_BlankStatePath_NamesStatePath()
    {
        var options = Valid();
        options.StatePath = " ";

        Assert.Equal(["SaltoIntegration:StatePath is required."], Failures(options));
    }

    [Fact]
    public void Validate_RepeatedBusinessAndSite_NamesTheRepeatingEntry()
    {
        var options = Valid();
        options.Locations.Add(Location(1414000001, "SITE-A "));

        Assert.Equal(
            [
                "SaltoIntegration:Locations:1:NexudusBusinessId repeats the location of SaltoIntegration:Locations:0; each Nexudus location may be listed once.",
                "SaltoIntegration:Locations:1:SaltoSiteId repeats the site of SaltoIntegration:Locations:0; each SALTO KS site may be linked to one location.",
            ],
            Failures(options));
    }

    [Fact]
    public void Validate_EmptyGroupIdInALink_NamesItemAndPosition()
    {
        var options = Valid();
        options.Locations[0].ResourceGroups[1414777001] = ["group-room", " "];

        Assert.Equal(
            ["SaltoIntegration:Locations:0:ResourceGroups:1414777001:1 must be a SALTO access-group id, not empty."],
            Failures(options));
    }

    [Fact]
    public void Validate_LinkKeyedByZero_NamesTheKey()
    {
        var options = Valid();
        options.Locations[0].FloorPlanDeskGroups[0] = ["group-office"];

        Assert.Equal(["SaltoIntegration:Locations:0:FloorPlanDeskGroups:0 must be keyed by a positive Nexudus id."], Failures(options));
    }

    [Fact]
    public void Validate_NegativeBookingBuffer_NamesIt()
    {
        var options = Valid();
        options.Locations[0].BookingAccessAfter = TimeSpan.FromMinutes(-1);

        var failure = Assert.Single(Failures(options));
        Assert.StartsWith("SaltoIntegration:Locations:0:BookingAccessAfter must be between 00:00:00 and 1.00:00:00", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_PassDayCutoffOfOneDay_NamesIt()
    {
        var options = Valid();
        options.Locations[0].PassDayCutoff = TimeSpan.FromDays(1);

        var failure = Assert.Single(Failures(options));
        Assert.StartsWith("SaltoIntegration:Locations:0:PassDayCutoff ", failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-0.5)]
    [InlineData(100.5)]
    public void Validate_PercentOutsideZeroToHundred_NamesIt(double percent)
    {
        var options = Valid();
        options.Safety.MaxRevocationPercent = percent;

        Assert.Equal(["SaltoIntegration:Safety:MaxRevocationPercent must be between 0 and 100."], Failures(options));
    }

    [Theory]
    [InlineData(0d)]
    [InlineData(100d)]
    public void Validate_PercentAtTheBounds_IsAccepted(double percent)
    {
        var options = Valid();
        options.Safety.MaxRevocationPercent = percent;

        Assert.Empty(Failures(options));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(33)]
    public void Validate_SaltoWriteConcurrencyOutsideOneToThirtyTwo_NamesIt(int concurrency)
    {
        var options = Valid();
        options.SaltoWriteConcurrency = concurrency;

        Assert.Equal(["SaltoIntegration:SaltoWriteConcurrency must be between 1 and 32."], Failures(options));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(32)]
    public void Validate_SaltoWriteConcurrencyAtTheBounds_IsAccepted(int concurrency)
    {
        var options = Valid();
        options.SaltoWriteConcurrency = concurrency;

        Assert.Empty(Failures(options));
    }

    [Fact]
    public void Validate_NegativeMaxRevocations_NamesIt()
    {
        var options = Valid();
        options.Safety.MaxRevocations = -1;

        Assert.Equal(["SaltoIntegration:Safety:MaxRevocations must be zero or more."], Failures(options));
    }

    [Fact]
    public void Validate_ReaderWithoutARole_NamesTheLock()
    {
        var options = Valid();
        options.Locations[0].Readers["lock-front"] = ReaderRole.CheckIn;
        options.Locations[0].Readers["lock-side"] = ReaderRole.None;

        Assert.Equal(["SaltoIntegration:Locations:0:Readers:lock-side must be CheckIn or CheckOut."], Failures(options));
    }

    [Fact]
    public void Validate_LockReaderOfTwoLocations_NamesTheSecond()
    {
        var options = Valid();
        options.Locations.Add(Location(1414000002, "site-b"));
        options.Locations[0].Readers["lock-front"] = ReaderRole.CheckIn;
        options.Locations[1].Readers["LOCK-FRONT"] = ReaderRole.CheckOut;

        Assert.Equal(
            ["SaltoIntegration:Locations:1:Readers:LOCK-FRONT is already a reader of SaltoIntegration:Locations:0; a lock belongs to one location."],
            Failures(options));
    }

    [Fact]
    public void Validate_UndefinedOwnership_NamesTheGroup()
    {
        var options = Valid();
        options.Locations[0].GroupOwnership["group-day"] = (GroupOwnership)7;

        Assert.Equal(["SaltoIntegration:Locations:0:GroupOwnership:group-day must be Shared or Exclusive."], Failures(options));
    }

    [Fact]
    public void Validate_WorkerDelaysOutOfOrder_NamesBoth()
    {
        var options = Valid();
        options.Worker.RetryDelay = TimeSpan.FromMinutes(20);
        options.Worker.QuarantineAfterFailures = 0;
        options.Worker.SyncInterval = TimeSpan.Zero;

        Assert.Equal(
            [
                "SaltoIntegration:Worker:QuarantineAfterFailures must be between 1 and 1000.",
                "SaltoIntegration:Worker:SyncInterval must be between 00:00:01 and 1.00:00:00 (got 00:00:00).",
                "SaltoIntegration:Worker:RetryDelay must not be longer than SaltoIntegration:Worker:MaxRetryDelay.",
            ],
            Failures(options));
    }

    [Fact]
    public void Validate_WithOtherSections_ListsTheirFailuresFirst()
    {
        var validator = new SaltoIntegrationOptionsValidator(() => ["Nexudus:Password is required."]);

        var result = validator.Validate(null, new SaltoIntegrationOptions());

        Assert.Equal(["Nexudus:Password is required.", "SaltoIntegration:Locations must list at least one location."], result.Failures);
    }

    [Theory]
    [InlineData("SaltoSiteId: SaltoIntegration.Locations[12].SaltoSiteId is required.", "SaltoIntegration:Locations:12:SaltoSiteId is required.")]
    [InlineData("MaxRevocations: SaltoIntegration.Safety.MaxRevocations must be zero or more.", "SaltoIntegration:Safety:MaxRevocations must be zero or more.")]
    [InlineData("Something else entirely.", "Something else entirely.")]
    public void ToConfigurationPath_GeneratedMessage_UsesConfigurationKeys(string failure, string expected)
    {
        Assert.Equal(expected, SaltoIntegrationOptionsValidator.ToConfigurationPath(failure, "SaltoIntegration"));
    }

    [Fact]
    public void Validate_PaymentAndRetentionDefaults_AreOffAndNinetyDays()
    {
        var options = Valid();

        Assert.Null(options.Locations[0].SuspendAfterOverdueDays);
        Assert.Null(options.EraseArchivedAfter);
        Assert.Equal(TimeSpan.FromDays(90), options.EntryRetention);
        Assert.Empty(Failures(options));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(366)]
    public void Validate_SuspendAfterOverdueDaysOutOfRange_NamesTheKey(int days)
    {
        var options = Valid();
        options.Locations[0].SuspendAfterOverdueDays = days;

        Assert.Contains(Failures(options), f => f.StartsWith("SaltoIntegration:Locations:0:SuspendAfterOverdueDays must be between 0 and 365", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_GuestDefaults_AreOffWithHalfAnHourAndNoReserve()
    {
        var options = Valid();

        Assert.False(options.Locations[0].BookingGuests);
        Assert.Empty(options.Locations[0].VisitorGroups);
        Assert.Equal(TimeSpan.FromMinutes(30), options.Locations[0].VisitorAccessBefore);
        Assert.Equal(0, options.Locations[0].GuestSeatReserve);
        Assert.Empty(Failures(options));
    }

    [Fact]
    public void Validate_GuestKeysOutOfRange_NameEachKey()
    {
        var options = Valid();
        options.Locations[0].VisitorAccessBefore = TimeSpan.FromHours(13);
        options.Locations[0].GuestSeatReserve = -1;
        options.Locations[0].VisitorGroups = ["group-v", " "];

        var failures = Failures(options);

        Assert.Contains(failures, f => f.StartsWith("SaltoIntegration:Locations:0:VisitorAccessBefore must be between", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("SaltoIntegration:Locations:0:GuestSeatReserve must be between 0", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("SaltoIntegration:Locations:0:VisitorGroups:1 is empty", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_RetentionKeysOutOfRange_NameEachKey()
    {
        var options = Valid();
        options.EraseArchivedAfter = TimeSpan.FromHours(1);
        options.EntryRetention = TimeSpan.FromMinutes(30);

        var failures = Failures(options);

        Assert.Contains(failures, f => f.StartsWith("SaltoIntegration:EraseArchivedAfter must be between", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("SaltoIntegration:EntryRetention must be between", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("SaltoIntegration:EntryRetention must not be shorter than SaltoIntegration:CheckInLookBack", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_SyncAndCheckInDefaults_AreTheEngineDefaults()
    {
        var options = new SaltoIntegrationOptions();
        var sync = new AccessSyncOptions();
        var checkIns = new CheckInBridgeOptions();

        Assert.Equal(
            (sync.DryRun, sync.FullReadInterval, sync.BookingLookAhead, sync.CreateUsersWhileReading, sync.NexudusReadConcurrency,
             sync.SaltoReadConcurrency, sync.GroupRetryBaseDelay, sync.GroupRetryMaxDelay, sync.TimeSlotDayNumbering, sync.SaltoWriteConcurrency),
            (options.DryRun, options.FullReadInterval, options.BookingLookAhead, options.CreateUsersWhileReading, options.NexudusReadConcurrency,
             options.SaltoReadConcurrency, options.GroupRetryBaseDelay, options.GroupRetryMaxDelay, options.TimeSlotDayNumbering, options.SaltoWriteConcurrency));
        Assert.Empty(options.NewUserRoleIds);
        Assert.Equal(
            (checkIns.LateEntryWindow, checkIns.Debounce, checkIns.OpenCheckInSearchWindow, checkIns.MaxCreateAttempts),
            (options.LateEntryWindow, options.Debounce, options.OpenCheckInSearchWindow, options.MaxCreateAttempts));
        Assert.Empty(Failures(Valid()));
    }

    [Fact]
    public void Validate_SyncAndCheckInKeysOutOfRange_NameEachKey()
    {
        var options = Valid();
        options.FullReadInterval = TimeSpan.FromDays(8);
        options.BookingLookAhead = TimeSpan.FromMinutes(-1);
        options.NexudusReadConcurrency = 0;
        options.SaltoReadConcurrency = 33;
        options.GroupRetryBaseDelay = TimeSpan.FromHours(2);
        options.GroupRetryMaxDelay = TimeSpan.FromHours(1);
        options.TimeSlotDayNumbering = (TimeSlotDayNumbering)7;
        options.NewUserRoleIds.Add("role-a");
        options.NewUserRoleIds.Add(" ");
        options.LateEntryWindow = TimeSpan.FromDays(100);
        options.Debounce = TimeSpan.FromHours(2);
        options.OpenCheckInSearchWindow = TimeSpan.Zero;
        options.MaxCreateAttempts = 0;

        var failures = Failures(options);

        Assert.Equal(
            [
                "SaltoIntegration:NexudusReadConcurrency",
                "SaltoIntegration:SaltoReadConcurrency",
                "SaltoIntegration:MaxCreateAttempts",
                "SaltoIntegration:FullReadInterval",
                "SaltoIntegration:BookingLookAhead",
                "SaltoIntegration:GroupRetryBaseDelay",
                "SaltoIntegration:TimeSlotDayNumbering",
                "SaltoIntegration:NewUserRoleIds:1",
                "SaltoIntegration:LateEntryWindow",
                "SaltoIntegration:EntryRetention",
                "SaltoIntegration:Debounce",
                "SaltoIntegration:OpenCheckInSearchWindow",
            ],
            failures.Select(f => f[..f.IndexOf(' ', StringComparison.Ordinal)]).Distinct());
        Assert.Contains("SaltoIntegration:GroupRetryBaseDelay must not be longer than SaltoIntegration:GroupRetryMaxDelay.", failures);
    }
}
