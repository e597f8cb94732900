using Nexudus.Salto.Sync;

namespace Nexudus.Salto.Tests.Sync;

public sealed class SyncRunFlagsTests
{
    [Fact]
    public void SyncRunFlagsOf_BookingsOnlyWithoutCustomers_IsAWholeRun()
    {
        var flags = SyncRunFlags.Of(new SyncRunOptions { BookingsOnly = true, TeamPayers = [3, 1, 3] }, new AccessSyncOptions { DryRun = true });

        Assert.False(flags.BookingsOnly);
        Assert.Null(flags.Customers);
        Assert.True(flags.DryRun);
        Assert.Equal([1L, 3L], flags.TeamPayers);
    }

    [Fact]
    public void SyncRunFlagsOf_TargetedBookingsOnly_KeepsTheNamedCustomersInOrder()
    {
        var flags = SyncRunFlags.Of(new SyncRunOptions { Customers = [9, 2, 9], BookingsOnly = true, DryRun = false }, new AccessSyncOptions { DryRun = true });

        Assert.True(flags.BookingsOnly);
        Assert.Equal([2L, 9L], flags.Customers);
        Assert.False(flags.DryRun);
    }
}
