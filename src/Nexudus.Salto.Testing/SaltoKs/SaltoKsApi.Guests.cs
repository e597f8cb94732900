using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Nexudus.Salto.SaltoKs;

namespace Nexudus.Salto.Testing;

/// <summary>Guest users and PINs: <c>POST …/guests</c> and <c>PUT …/users/{id}/pin</c>, as captured live.</summary>
internal sealed partial class SaltoKsApi
{
    private const string GuestRoleCode = "site_guest";

    private async Task CreateGuestAsync(HttpContext context)
    {
        JsonElement body = await ReadBodyAsync(context).ConfigureAwait(false);
        GuestCreateRequest request = Read(body, Json.GuestCreateRequest);
        if (string.IsNullOrWhiteSpace(request.Alias))
        {
            throw SaltoKsApiFailure.InvalidParameter("A parameter value is invalid: alias");
        }

        SiteUser created;
        lock (state.Gate)
        {
            SiteRecord site = Site(context);
            bool seatFree = SeatFree(site);
            if (!seatFree && options.RefuseUsersWithoutSeat)
            {
                throw SaltoKsApiFailure.NoSubscription();
            }

            Role role = site.Roles.Find(r => string.Equals(r.Code, GuestRoleCode, StringComparison.OrdinalIgnoreCase))
                ?? new Role { Id = state.NewId(), Code = GuestRoleCode, Name = GuestRoleCode, CustomerReference = GuestRoleCode, IsHierarchical = false };
            var user = new UserRecord(new SiteUser
            {
                Id = new SiteUserId(state.NewId()),

                // A guest has no e-mail and gets no invitation; its platform account is its own.
                User = new SaltoUser { Id = new PlatformUserId(state.NewId()) },
                Roles = [role],
                Alias = request.Alias.Trim(),

                // With every seat taken SALTO still answers 201, with the guest suspended; expiry never frees the seat.
                SubscriptionState = seatFree ? SubscriptionState.Subscribed : SubscriptionState.Suspended,
                UsePin = false,
                RemoteAccess = false,
                Blocked = false,
                ExpiresAt = request.ExpiresAt?.ToUniversalTime(),
            })
            {
                CreatedThroughApiAt = Now,
            };
            site.AddUser(user);
            created = Shown(user.User);
        }

        await WriteJsonAsync(context, 201, created, Json.SiteUser).ConfigureAwait(false);
    }

    private async Task IssuePinAsync(HttpContext context)
    {
        JsonElement body = await ReadBodyAsync(context).ConfigureAwait(false);
        if (body.ValueKind != JsonValueKind.Object)
        {
            throw SaltoKsApiFailure.RequestInvalid();
        }

        PinIssueRequest request = Read(body, Json.PinIssueRequest);
        string pin;
        lock (state.Gate)
        {
            UserRecord user = RoutedUser(context, Site(context));
            if (options.PinRequiresUsePin && user.User.UsePin != true)
            {
                // Clients enable PINs (PATCH use_pin: true) before asking for one; the answer without it is unconfirmed.
                throw SaltoKsApiFailure.InvalidParameter("A parameter value is invalid: use_pin");
            }

            // SALTO chooses the PIN: six digits, a new one on every call.
            pin = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
            user.Pin = pin;
            user.PinExpiresAt = request.ExpiryDate?.ToUniversalTime();
        }

        // The answer is a bare JSON string.
        await WriteJsonAsync(context, 200, pin, Json.String).ConfigureAwait(false);
    }

    private bool SeatFree(SiteRecord site) =>
        site.Seats(options.DefaultSeatLimit) is not { } seats ||
        site.Users.Count(u => u.User.SubscriptionState == SubscriptionState.Subscribed) < seats;
}
