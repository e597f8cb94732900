using System.Text.Json;
using Nexudus.Salto.SaltoKs;

namespace Nexudus.Salto.Tests.Models.SaltoKs;

public sealed class SaltoKsLockModelTests
{
    // The documented lock example, placeholders filled in.
    private const string LockJson = """
        { "id": "9a8b7c6d-1234-4e5f-8a9b-0c1d2e3f4a5b", "customer_reference": "Room 101", "lock_type": "escutcheon_pin", "online": true,
          "locked_state": "locked", "battery_level": "normal", "communication_type": "online",
          "vendor": { "reference": "SALTO-XS4" }, "iq": { "otp_enabled": true, "data_sync_state": "synced" },
          "offline_access_keys_count": 0 }
        """;

    [Fact]
    public void Deserialize_DocumentedLock_ReadsEveryField()
    {
        SaltoLock lockInfo = SaltoKsJsonAssert.RoundTrips(LockJson, SaltoKsJsonContext.Default.SaltoLock);

        Assert.Equal(
            new SaltoLock
            {
                Id = "9a8b7c6d-1234-4e5f-8a9b-0c1d2e3f4a5b",
                CustomerReference = "Room 101",
                LockType = LockType.EscutcheonPin,
                Online = true,
                LockedState = "locked",
                BatteryLevel = "normal",
                CommunicationType = "online",
                Vendor = new LockVendor { Reference = "SALTO-XS4" },
                Iq = new LockIq { OtpEnabled = true, DataSyncState = "synced" },
                OfflineAccessKeysCount = 0,
            },
            lockInfo);
    }

    [Fact]
    public void Deserialize_NumericBatteryLevel_IsKeptAsText()
    {
        SaltoLock lockInfo = JsonSerializer.Deserialize("""{ "id": "l1", "battery_level": 87 }""", SaltoKsJsonContext.Default.SaltoLock)!;

        Assert.Equal("87", lockInfo.BatteryLevel);
    }

    [Fact]
    public void Deserialize_LockWithoutNestedObjects_IsTolerated()
    {
        SaltoLock lockInfo = SaltoKsJsonAssert.RoundTrips("""{ "id": "l1", "vendor": null, "iq": null, "mac_address": "00:11" }""", SaltoKsJsonContext.Default.SaltoLock);

        Assert.Null(lockInfo.Vendor);
        Assert.Null(lockInfo.Iq);
        Assert.Null(lockInfo.LockType);
    }

    [Fact]
    public void Read_LockListWithNextPageLink_KeepsLinkVerbatim()
    {
        byte[] json = """
            { "items": [ { "id": "l1" }, { "id": "l2" } ],
              "next_page_link": "https://clp-accept-user.saltoks.com/v1.1/sites/s1/locks?$skip=2&$top=2", "count": 3 }
            """u8.ToArray();

        SaltoKsList<SaltoLock> page = SaltoKsList.Read(json, SaltoKsJsonContext.Default.SaltoLock);

        Assert.Equal(2, page.Items.Count);
        Assert.Equal("https://clp-accept-user.saltoks.com/v1.1/sites/s1/locks?$skip=2&$top=2", page.NextPageLink);
        Assert.Equal(3, page.Count);
    }
}
