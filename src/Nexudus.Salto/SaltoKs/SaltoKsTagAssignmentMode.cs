namespace Nexudus.Salto.SaltoKs;

/// <summary>How the client assigns a tag to a site user; which one SALTO KS Connect expects is unconfirmed.</summary>
public enum SaltoKsTagAssignmentMode
{
    /// <summary>
    /// Set the user's <c>tag_id</c> with <c>PATCH sites/{site_id}/users/{site_user_id}</c> (the documented way a
    /// tag reaches a user); unassigning clears it with <c>{"tag_id": null}</c>, but only while the user still holds
    /// that tag. A user holds one tag this way.
    /// </summary>
    UserTagId = 0,

    /// <summary>
    /// Call dedicated endpoints: <c>POST</c> <see cref="SaltoKsTagEndpoints.AssignPath"/> with <c>{"tag_id": …}</c>
    /// and <c>DELETE</c> <see cref="SaltoKsTagEndpoints.UnassignPath"/>.
    /// </summary>
    TagEndpoints = 1,
}
