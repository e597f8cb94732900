using System.Text.Json;
using System.Text.Json.Serialization;

namespace Nexudus.Salto.SaltoKs;

/// <summary>
/// The source-generated JSON metadata for every SALTO KS Connect model, request and envelope.
/// Serialise SALTO KS payloads only through this context.
/// </summary>
/// <remarks>
/// Members are snake_case (the error body overrides this with PascalCase), numbers may arrive as
/// strings, and unknown members are ignored. Instants (<see cref="DateTimeOffset"/>) without an offset
/// read as UTC and are written in UTC with <c>Z</c>; wall-clock times (<see cref="DateTime"/>) keep
/// <see cref="DateTimeKind.Unspecified"/>; times of day (<see cref="TimeOnly"/>) are <c>HH:mm:ss</c>.
/// List bodies that may be bare arrays are read with <see cref="SaltoKsList.Read{T}"/>.
/// </remarks>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
    Converters = [typeof(UtcDateTimeOffsetJsonConverter), typeof(UnspecifiedDateTimeJsonConverter), typeof(TimeOfDayJsonConverter)])]
[JsonSerializable(typeof(Site))]
[JsonSerializable(typeof(SiteSubscription))]
[JsonSerializable(typeof(Role))]
[JsonSerializable(typeof(SaltoUser))]
[JsonSerializable(typeof(SiteUser))]
[JsonSerializable(typeof(AccessGroup))]
[JsonSerializable(typeof(AccessGroupMember))]
[JsonSerializable(typeof(SaltoLock))]
[JsonSerializable(typeof(LockVendor))]
[JsonSerializable(typeof(LockIq))]
[JsonSerializable(typeof(TimeSchedule))]
[JsonSerializable(typeof(Entry))]
[JsonSerializable(typeof(Tag))]
[JsonSerializable(typeof(SiteUserCreateRequest))]
[JsonSerializable(typeof(AccessGroupUsersChange))]
[JsonSerializable(typeof(AccessGroupLocksChange))]
[JsonSerializable(typeof(AccessGroupCreateRequest))]
[JsonSerializable(typeof(TimeScheduleRequest))]
[JsonSerializable(typeof(SubscriptionChangeRequest))]
[JsonSerializable(typeof(SiteUserUpdateRequest))]
[JsonSerializable(typeof(AccessGroupUserAddRequest))]
[JsonSerializable(typeof(TagAssignmentRequest))]
[JsonSerializable(typeof(GuestCreateRequest))]
[JsonSerializable(typeof(PinIssueRequest))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(SaltoKsList<Site>))]
[JsonSerializable(typeof(IReadOnlyList<Site>))]
[JsonSerializable(typeof(SaltoKsList<Role>))]
[JsonSerializable(typeof(IReadOnlyList<Role>))]
[JsonSerializable(typeof(SaltoKsList<SiteUser>))]
[JsonSerializable(typeof(IReadOnlyList<SiteUser>))]
[JsonSerializable(typeof(SaltoKsList<AccessGroup>))]
[JsonSerializable(typeof(IReadOnlyList<AccessGroup>))]
[JsonSerializable(typeof(SaltoKsList<AccessGroupMember>))]
[JsonSerializable(typeof(IReadOnlyList<AccessGroupMember>))]
[JsonSerializable(typeof(SaltoKsList<SaltoLock>))]
[JsonSerializable(typeof(IReadOnlyList<SaltoLock>))]
[JsonSerializable(typeof(SaltoKsList<TimeSchedule>))]
[JsonSerializable(typeof(IReadOnlyList<TimeSchedule>))]
[JsonSerializable(typeof(SaltoKsList<Tag>))]
[JsonSerializable(typeof(IReadOnlyList<Tag>))]
[JsonSerializable(typeof(IReadOnlyList<Entry>))]
[JsonSerializable(typeof(SaltoKsContinuationPage<Entry>))]
[JsonSerializable(typeof(SaltoKsErrorBody))]
[JsonSerializable(typeof(SaltoKsTokenResponse))]
[JsonSerializable(typeof(SiteUserId))]
[JsonSerializable(typeof(PlatformUserId))]
[JsonSerializable(typeof(SubscriptionState))]
[JsonSerializable(typeof(EntryEventCategory))]
[JsonSerializable(typeof(LockType))]
internal partial class SaltoKsJsonContext : JsonSerializerContext;
