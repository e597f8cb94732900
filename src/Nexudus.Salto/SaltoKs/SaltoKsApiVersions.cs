namespace Nexudus.Salto.SaltoKs;

/// <summary>
/// The API version path prefix (<c>v1.1</c>, <c>v1.2</c>) used by each operation of the SALTO KS client.
/// </summary>
/// <remarks>
/// SALTO KS versions each endpoint separately. The defaults follow SALTO's guides and the clients known to work:
/// v1.1 everywhere, except where v1.2 is the version seen in use. Change one when SALTO's OpenAPI document says
/// otherwise. Entries exist only under v1.1 (v1.2 answers 405).
/// </remarks>
public sealed class SaltoKsApiVersions
{
    /// <summary>Gets or sets the version of <c>GET sites</c>.</summary>
    /// <value><c>v1.1</c> by default (v1.2 answers with a bare array, which is read too).</value>
    public string Sites { get; set; } = "v1.1";

    /// <summary>Gets or sets the version of <c>GET sites/{site_id}</c>.</summary>
    /// <value><c>v1.2</c> by default.</value>
    public string Site { get; set; } = "v1.2";

    /// <summary>Gets or sets the version of <c>GET sites/{site_id}/subscription</c>.</summary>
    /// <value><c>v1.2</c> by default.</value>
    public string SiteSubscription { get; set; } = "v1.2";

    /// <summary>Gets or sets the version of <c>GET sites/{site_id}/roles</c>.</summary>
    /// <value><c>v1.1</c> by default.</value>
    public string Roles { get; set; } = "v1.1";

    /// <summary>Gets or sets the version of listing site users (and finding them by e-mail).</summary>
    /// <value><c>v1.1</c> by default.</value>
    public string ListSiteUsers { get; set; } = "v1.1";

    /// <summary>Gets or sets the version of <c>GET sites/{site_id}/users/{site_user_id}</c>.</summary>
    /// <value><c>v1.2</c> by default.</value>
    public string GetSiteUser { get; set; } = "v1.2";

    /// <summary>Gets or sets the version of <c>POST sites/{site_id}/users</c>.</summary>
    /// <value><c>v1.1</c> by default.</value>
    public string CreateSiteUser { get; set; } = "v1.1";

    /// <summary>Gets or sets the version of <c>PATCH sites/{site_id}/users/{site_user_id}</c> (also used to set a user's <c>tag_id</c>).</summary>
    /// <value><c>v1.2</c> by default.</value>
    public string UpdateSiteUser { get; set; } = "v1.2";

    /// <summary>Gets or sets the version of <c>PATCH sites/{site_id}/users/{site_user_id}/subscription</c>.</summary>
    /// <value><c>v1.2</c> by default.</value>
    public string SiteUserSubscription { get; set; } = "v1.2";

    /// <summary>Gets or sets the version of <c>DELETE sites/{site_id}/users/{site_user_id}</c>.</summary>
    /// <value><c>v1.1</c> by default.</value>
    public string DeleteSiteUser { get; set; } = "v1.1";

    /// <summary>Gets or sets the version of <c>POST sites/{site_id}/guests</c>.</summary>
    /// <value><c>v1.2</c> by default, the version guests were seen created with.</value>
    public string Guests { get; set; } = "v1.2";

    /// <summary>Gets or sets the version of <c>PUT sites/{site_id}/users/{site_user_id}/pin</c>.</summary>
    /// <value><c>v1.2</c> by default.</value>
    public string SiteUserPin { get; set; } = "v1.2";

    /// <summary>Gets or sets the version of the access-group calls (list, get, create, delete).</summary>
    /// <value><c>v1.1</c> by default.</value>
    public string AccessGroups { get; set; } = "v1.1";

    /// <summary>Gets or sets the version of the access-group member calls (list, add, remove, bulk change).</summary>
    /// <value><c>v1.1</c> by default.</value>
    public string AccessGroupMembers { get; set; } = "v1.1";

    /// <summary>Gets or sets the version of the access-group lock calls (list, bulk change).</summary>
    /// <value><c>v1.1</c> by default.</value>
    public string AccessGroupLocks { get; set; } = "v1.1";

    /// <summary>Gets or sets the version of the time-schedule calls.</summary>
    /// <value><c>v1.1</c> by default.</value>
    public string TimeSchedules { get; set; } = "v1.1";

    /// <summary>Gets or sets the version of <c>GET sites/{site_id}/locks</c>.</summary>
    /// <value><c>v1.1</c> by default.</value>
    public string Locks { get; set; } = "v1.1";

    /// <summary>Gets or sets the version of the tag endpoints (unconfirmed).</summary>
    /// <value><c>v1.1</c> by default.</value>
    public string Tags { get; set; } = "v1.1";

    /// <summary>Gets or sets the version of <c>GET sites/{site_id}/entries</c>.</summary>
    /// <value><c>v1.1</c> by default, the only version known to serve entries.</value>
    public string Entries { get; set; } = "v1.1";

    internal IEnumerable<(string Name, string Value)> All() =>
    [
        (nameof(Sites), Sites), (nameof(Site), Site), (nameof(SiteSubscription), SiteSubscription), (nameof(Roles), Roles),
        (nameof(ListSiteUsers), ListSiteUsers),
        (nameof(GetSiteUser), GetSiteUser), (nameof(CreateSiteUser), CreateSiteUser), (nameof(UpdateSiteUser), UpdateSiteUser),
        (nameof(SiteUserSubscription), SiteUserSubscription), (nameof(DeleteSiteUser), DeleteSiteUser),
        (nameof(Guests), Guests), (nameof(SiteUserPin), SiteUserPin),
        (nameof(AccessGroups), AccessGroups), (nameof(AccessGroupMembers), AccessGroupMembers),
        (nameof(AccessGroupLocks), AccessGroupLocks), (nameof(TimeSchedules), TimeSchedules), (nameof(Locks), Locks),
        (nameof(Tags), Tags), (nameof(Entries), Entries),
    ];
}
