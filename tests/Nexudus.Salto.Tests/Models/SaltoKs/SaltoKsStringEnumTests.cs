using System.Text.Json;
using Nexudus.Salto.SaltoKs;

namespace Nexudus.Salto.Tests.Models.SaltoKs;

public sealed class SaltoKsStringEnumTests
{
    [Fact]
    public void Deserialize_KnownSubscriptionState_MatchesStaticValue()
    {
        SiteUser user = JsonSerializer.Deserialize("""{ "id": "s", "subscription_state": "suspended" }""", SaltoKsJsonContext.Default.SiteUser)!;

        Assert.Equal(SubscriptionState.Suspended, user.SubscriptionState);
    }

    [Fact]
    public void Equals_DifferentCase_IsEqualWithSameHashCode()
    {
        var upper = new SubscriptionState("SUBSCRIBED");

        Assert.True(upper == SubscriptionState.Subscribed);
        Assert.Equal(SubscriptionState.Subscribed.GetHashCode(), upper.GetHashCode());
    }

    [Fact]
    public void Equals_DifferentValues_AreNotEqual()
    {
        Assert.True(SubscriptionState.Subscribed != SubscriptionState.Suspended);
        Assert.NotEqual(LockType.EscutcheonPin, LockType.WallReaderPin);
    }

    [Fact]
    public void ImplicitConversion_FromString_KeepsText()
    {
        EntryEventCategory category = "lock_rejected";

        Assert.Equal(EntryEventCategory.LockRejected, category);
        Assert.Equal("lock_rejected", category.ToString());
    }

    [Fact]
    public void Deserialize_UnknownEventCategory_IsKeptAndWrittenBack()
    {
        const string Json = """{ "id": "e1", "event_category": "teleported", "utc_date_time": "2025-01-15T10:00:00Z", "local_date_time": "2025-01-15T11:00:00" }""";

        Entry entry = SaltoKsJsonAssert.RoundTrips(Json, SaltoKsJsonContext.Default.Entry);
        using JsonDocument written = JsonDocument.Parse(JsonSerializer.Serialize(entry, SaltoKsJsonContext.Default.Entry));

        Assert.Equal(new EntryEventCategory("teleported"), entry.EventCategory);
        Assert.Equal("teleported", written.RootElement.GetProperty("event_category").GetString());
    }

    [Fact]
    public void Deserialize_UnknownLockType_IsKeptWithOriginalCase()
    {
        SaltoLock lockInfo = SaltoKsJsonAssert.RoundTrips("""{ "id": "l1", "lock_type": "Cylinder_NFC" }""", SaltoKsJsonContext.Default.SaltoLock);

        Assert.Equal("Cylinder_NFC", lockInfo.LockType.ToString());
        Assert.Equal(new LockType("cylinder_nfc"), lockInfo.LockType);
    }

    [Fact]
    public void Deserialize_UnknownSubscriptionState_DoesNotThrow()
    {
        SiteUser user = JsonSerializer.Deserialize("""{ "id": "s", "subscription_state": "pending_payment" }""", SaltoKsJsonContext.Default.SiteUser)!;

        Assert.Equal("pending_payment", user.SubscriptionState.ToString());
    }

    [Fact]
    public void Deserialize_NullEnumField_IsNull()
    {
        SaltoLock lockInfo = JsonSerializer.Deserialize("""{ "id": "l1", "lock_type": null }""", SaltoKsJsonContext.Default.SaltoLock)!;

        Assert.Null(lockInfo.LockType);
    }

    [Fact]
    public void Deserialize_NumberForEnum_ThrowsJsonException() =>
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("""{ "id": "l1", "lock_type": 3 }""", SaltoKsJsonContext.Default.SaltoLock));

    [Fact]
    public void Serialize_KnownValue_WritesPlainString() =>
        Assert.Equal("\"escutcheon_pin\"", JsonSerializer.Serialize(LockType.EscutcheonPin, SaltoKsJsonContext.Default.LockType));

    [Fact]
    public void Serialize_DefaultValue_WritesNull() =>
        Assert.Equal("null", JsonSerializer.Serialize(default(SubscriptionState), SaltoKsJsonContext.Default.SubscriptionState));

    [Fact]
    public void ToString_Default_ReturnsEmpty() =>
        Assert.Equal(string.Empty, default(EntryEventCategory).ToString());
}
