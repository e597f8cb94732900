using Microsoft.AspNetCore.Http;
using Nexudus.Salto.SaltoKs;

namespace Nexudus.Salto.Testing;

/// <summary>Locks of a site.</summary>
internal sealed partial class SaltoKsApi
{
    private Task ListLocksAsync(HttpContext context)
    {
        List<SaltoLock> locks;
        lock (state.Gate)
        {
            locks = [.. Site(context).Locks];
        }

        return WriteListAsync(context, locks, Json.SaltoLock, LockFields);
    }

    private Task GetLockAsync(HttpContext context)
    {
        SaltoLock theLock;
        lock (state.Gate)
        {
            theLock = Site(context).FindLock(context.Request.RouteValues["lock_id"] as string) ?? throw SaltoKsApiFailure.NotFound("Lock not found");
        }

        return WriteJsonAsync(context, 200, theLock, Json.SaltoLock);
    }
}
