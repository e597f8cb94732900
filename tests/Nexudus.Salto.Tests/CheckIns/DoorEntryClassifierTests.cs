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
}
