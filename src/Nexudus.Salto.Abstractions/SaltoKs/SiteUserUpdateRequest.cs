namespace Nexudus.Salto.SaltoKs;

/// <summary>The body of <c>PATCH /v1.2/sites/{site_id}/users/{site_user_id}</c>: a partial update.</summary>
/// <remarks>
/// Only the fields that are set are sent; the others keep their values. Whether names or the e-mail can be
/// changed this way is unconfirmed, so they are not offered. The subscription has its own call.
/// </remarks>
public sealed record SiteUserUpdateRequest : SiteUserRequestBase;
