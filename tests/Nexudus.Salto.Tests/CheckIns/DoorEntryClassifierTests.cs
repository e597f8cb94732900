using Nexudus.Salto.CheckIns;
using Nexudus.Salto.SaltoKs;

namespace Nexudus.Salto.Tests.CheckIns;

public sealed class DoorEntryClassifierTests
{
    private static Entry With(string? category, string? detail = null) =>
        new() { Id = "e", EventCategory = category is null ? (EntryEventCategory?)null : new EntryEventCategory(category), EventDetail = detail };

    [Theory]
    [InlineData("lock_opened", DoorEntryResult.Opened)]
    [InlineData("LOCK_OPENED", DoorEntryResult.Opened)]
    [InlineData("lock_rejected", DoorEntryResult.Rejected)]
    [InlineData("easy_office_mode", DoorEntryResult.OfficeMode)]
    [InlineData("office_mode", DoorEntryResult.OfficeMode)]
    [InlineData("privacy_mode", DoorEntryResult.Other)]
    [InlineData("something_new", DoorEntryResult.Other)]
    public void Classify_Default_ReadsTheCategory(string category, DoorEntryResult expected)
    {
        Assert.Equal(expected, DoorEntryClassifier.Default.Classify(With(category)));
    }

    [Fact]
    public void Classify_NoCategory_IsOther()
    {
        Assert.Equal(DoorEntryResult.Other, DoorEntryClassifier.Default.Classify(With(null)));
    }

    [Fact]
    public void Classify_RejectedDetailUnderAnOpeningCategory_IsRejected()
    {
        var classifier = DoorEntryClassifier.Default with { OpenedCategories = ["access"], RejectedDetails = ["denied"] };

        Assert.Equal(DoorEntryResult.Rejected, classifier.Classify(With("access", "denied")));
        Assert.Equal(DoorEntryResult.Opened, classifier.Classify(With("access", "granted")));
    }

    [Fact]
    public void Classify_Override_DecidesInsteadOfTheLists()
    {
        var classifier = DoorEntryClassifier.Default with { Override = e => e.EventDetail == "ok" ? DoorEntryResult.Opened : DoorEntryResult.Other };

        Assert.Equal(DoorEntryResult.Other, classifier.Classify(With("lock_opened")));
        Assert.Equal(DoorEntryResult.Opened, classifier.Classify(With("anything", "ok")));
    }

    [Theory]
    [InlineData("start")]
    [InlineData("end")]
    public void Classify_CapturedOfficeModeEventWithUserAndTag_IsOfficeModeNotAnOpening(string detail)
    {
        var entry = With("easy_office_mode", detail) with { UserId = new PlatformUserId("c6f84b4f-34b8-4d5e-abae-43f359d12c1c"), AccessBy = "tag", AccessDetail = "02309289" };

        Assert.Equal(DoorEntryResult.OfficeMode, DoorEntryClassifier.Default.Classify(entry));
    }

    [Fact]
    public void Classify_CapturedInsideHandleExit_IsInsideExit()
    {
        var entry = With("lock_opened") with { UserId = null, AccessBy = "inside_handle", AccessDetail = string.Empty, ExitRequested = true };

        Assert.Equal(DoorEntryResult.InsideExit, DoorEntryClassifier.Default.Classify(entry));
    }

    [Theory]
    [InlineData(true, null)]
    [InlineData(false, "inside_handle")]
    [InlineData(null, "INSIDE_HANDLE")]
    public void Classify_OpeningFromInsideNamingNobody_IsInsideExitEitherWay(bool? exitRequested, string? accessBy)
    {
        var entry = With("lock_opened") with { ExitRequested = exitRequested, AccessBy = accessBy };

        Assert.Equal(DoorEntryResult.InsideExit, DoorEntryClassifier.Default.Classify(entry));
    }

    [Fact]
    public void Classify_ExitRequestThatNamesAUser_StaysAnOpening()
    {
        // A named person leaving is still a person a check-out reader can check out.
        var entry = With("lock_opened") with { UserId = new PlatformUserId("pu-ada"), ExitRequested = true, AccessBy = "tag" };

        Assert.Equal(DoorEntryResult.Opened, DoorEntryClassifier.Default.Classify(entry));
    }

    [Fact]
    public void Classify_RejectionWithSentinelUser_IsRejected()
    {
        var entry = With("lock_rejected", "no_access") with { UserId = new PlatformUserId("ee8f17b4-701b-4aa6-9f1c-22f71cc61ca6"), AccessBy = "pin_code" };

        Assert.Equal(DoorEntryResult.Rejected, DoorEntryClassifier.Default.Classify(entry));
    }

    [Fact]
    public void Classify_TagOpeningNamingNobody_IsAnOpening()
    {
        var entry = With("lock_opened") with { AccessBy = "tag", AccessDetail = "02305075", ExitRequested = false };

        Assert.Equal(DoorEntryResult.Opened, DoorEntryClassifier.Default.Classify(entry));
    }
}
