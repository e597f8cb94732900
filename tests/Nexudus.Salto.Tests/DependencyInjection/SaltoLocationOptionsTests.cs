using Nexudus.Salto.CheckIns;
using Nexudus.Salto.DependencyInjection;
using Nexudus.Salto.Entitlements;
using Nexudus.Salto.SaltoKs;

namespace Nexudus.Salto.Tests.DependencyInjection;

public sealed class SaltoLocationOptionsTests
{
    [Fact]
    public void ToLocation_EveryKey_IsCarriedOverIntoTheOneLocationModel()
    {
        var options = new SaltoLocationOptions
        {
            NexudusBusinessId = 1414000001,
            SaltoSiteId = " site-a ",
            WritePassSchedules = true,
            CreateMissingGroupSchedules = true,
            SuspendAfterOverdueDays = 14,
            BookingGuests = true,
            VisitorGroups = [" g-visitors ", " "],
            VisitorAccessBefore = TimeSpan.FromMinutes(45),
            GuestSeatReserve = 3,
        };
        options.TimePassGroups[1] = ["g-pass"];
        options.Readers["Front-Door"] = ReaderRole.CheckIn;

        var location = options.ToLocation();

        Assert.Equal(["g-pass"], location.Links.TimePassGroups[1]);
        Assert.Equal(1414000001, location.NexudusBusinessId);
        Assert.Equal("site-a", location.SaltoSiteId);
        Assert.Equal(ReaderRole.CheckIn, location.Readers["front-door"]);
        Assert.True(location.WritePassSchedules);
        Assert.True(location.CreateMissingGroupSchedules);
        Assert.Equal(14, location.SuspendAfterOverdueDays);
        Assert.True(location.BookingGuests);
        Assert.Equal(["g-visitors"], location.VisitorGroups);
        Assert.Equal(TimeSpan.FromMinutes(45), location.VisitorAccessBefore);
        Assert.Equal(3, location.GuestSeatReserve);
    }

    [Fact]
    public void ToLocation_OptionsChangedAfterwards_LeaveTheLocationAsItWas()
    {
        var options = new SaltoLocationOptions { NexudusBusinessId = 1, SaltoSiteId = "site-a" };
        options.Readers["lock-1"] = ReaderRole.CheckIn;
        options.TimePassGroups[1] = ["g-pass"];

        var location = options.ToLocation();
        options.Readers["lock-2"] = ReaderRole.CheckOut;
        options.TimePassGroups[1].Add("g-other");
        options.NexudusBusinessId = 2;

        Assert.Single(location.Readers);
        Assert.Equal(["g-pass"], location.Links.TimePassGroups[1]);
        Assert.Equal(1, location.NexudusBusinessId);
    }

    [Fact]
    public void ToLocationLinks_EveryKey_IsCarriedOver()
    {
        var options = new SaltoLocationOptions
        {
            NexudusBusinessId = 1414000001,
            SaltoSiteId = " site-a ",
            BookingAccessBefore = TimeSpan.FromMinutes(10),
            BookingAccessAfter = TimeSpan.FromMinutes(5),
            IncludeTentativeBookings = true,
            PassDayCutoff = TimeSpan.FromHours(4),
            PassExpireDateIsLocal = true,
            UseNexudusLinkFields = false,
        };
        options.TimePassGroups[1] = ["g-pass"];
        options.FloorPlanDeskGroups[2] = ["g-desk", "g-lobby"];
        options.ResourceGroups[3] = [];
        options.GroupOwnership["g-desk"] = GroupOwnership.Exclusive;

        var links = options.ToLocationLinks();

        Assert.Equal(1414000001, links.NexudusBusinessId);
        Assert.Equal("site-a", links.SaltoSiteId);
        Assert.Equal(["g-pass"], links.TimePassGroups[1]);
        Assert.Equal(["g-desk", "g-lobby"], links.FloorPlanDeskGroups[2]);
        Assert.Empty(links.ResourceGroups[3]);
        Assert.Equal(GroupOwnership.Exclusive, links.GroupOwnership["G-DESK"]);
        Assert.Equal(TimeSpan.FromMinutes(10), links.BookingAccessBefore);
        Assert.Equal(TimeSpan.FromMinutes(5), links.BookingAccessAfter);
        Assert.True(links.IncludeTentativeBookings);
        Assert.Equal(TimeSpan.FromHours(4), links.PassDayCutoff);
        Assert.True(links.PassExpireDateIsLocal);
        Assert.False(links.UseNexudusLinkFields);
    }

    [Fact]
    public void ToCheckInBridgeOptions_Locations_CarryTheirReadersAndTheLookBack()
    {
        var options = new SaltoIntegrationOptions { CheckInLookBack = TimeSpan.FromMinutes(30) };
        var location = new SaltoLocationOptions { NexudusBusinessId = 7, SaltoSiteId = " site-a " };
        location.Readers["lock-front"] = ReaderRole.CheckIn;
        options.Locations.Add(location);

        var bridge = SaltoIntegrationOptionsMapping.ToCheckInBridgeOptions(options);

        var checkIn = Assert.Single(bridge.Locations);
        Assert.Equal(7, checkIn.NexudusBusinessId);
        Assert.Equal("site-a", checkIn.SaltoSiteId);
        Assert.Equal(ReaderRole.CheckIn, checkIn.Readers["LOCK-FRONT"]);
        Assert.Equal(TimeSpan.FromMinutes(30), bridge.CheckInLookBack);
        Assert.Empty(bridge.Validate());
    }

    [Fact]
    public void ToAccessSyncOptions_LocationsAndSafety_AreCarriedOverOnce()
    {
        var options = new SaltoIntegrationOptions { SaltoWriteConcurrency = 9 };
        options.Safety.MaxRevocations = 7;
        options.Safety.MaxRevocationPercent = 12.5;
        var location = new SaltoLocationOptions { NexudusBusinessId = 7, SaltoSiteId = "site-a", WritePassSchedules = true };
        location.TimePassGroups[1] = ["g-pass"];
        options.Locations.Add(location);

        var sync = SaltoIntegrationOptionsMapping.ToAccessSyncOptions(options, new SaltoKsClientOptions { MembershipChunkSize = 40 });

        var syncLocation = Assert.Single(sync.Locations);
        Assert.True(syncLocation.WritePassSchedules);
        Assert.Equal(["g-pass"], syncLocation.Links.TimePassGroups[1]);
        Assert.Equal(7, sync.Safety.MaxRevocations);
        Assert.Equal(12.5, sync.Safety.MaxRevocationPercent);
        Assert.Equal(40, sync.MembershipChunkSize);
        Assert.Equal(9, sync.SaltoWriteConcurrency);
        Assert.False(sync.DryRun);
    }

    [Fact]
    public void ToLocationLinks_OptionsChangedAfterwards_LeavesTheLinksAsTheyWere()
    {
        var options = new SaltoLocationOptions { NexudusBusinessId = 1, SaltoSiteId = "s" };
        options.TimePassGroups[1] = ["g-pass"];

        var links = options.ToLocationLinks();
        options.TimePassGroups[1].Add("g-other");
        options.TimePassGroups[2] = ["g-new"];

        Assert.Equal(["g-pass"], links.TimePassGroups[1]);
        Assert.False(links.TimePassGroups.ContainsKey(2));
    }

    [Fact]
    public void ToLocationLinks_Defaults_MatchTheResolverDefaults()
    {
        var links = new SaltoLocationOptions { NexudusBusinessId = 1, SaltoSiteId = "s" }.ToLocationLinks();
        var defaults = new LocationLinks { NexudusBusinessId = 1, SaltoSiteId = "s" };

        Assert.Equal(defaults.BookingAccessBefore, links.BookingAccessBefore);
        Assert.Equal(defaults.BookingAccessAfter, links.BookingAccessAfter);
        Assert.Equal(defaults.IncludeTentativeBookings, links.IncludeTentativeBookings);
        Assert.Equal(defaults.PassDayCutoff, links.PassDayCutoff);
        Assert.Equal(defaults.PassExpireDateIsLocal, links.PassExpireDateIsLocal);
        Assert.Equal(defaults.UseNexudusLinkFields, links.UseNexudusLinkFields);
    }
}
