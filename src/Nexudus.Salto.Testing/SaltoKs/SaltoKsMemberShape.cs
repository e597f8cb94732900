namespace Nexudus.Salto.Testing;

/// <summary>The item shape the sandbox uses when listing an access group's members.</summary>
public enum SaltoKsMemberShape
{
    /// <summary>A flat item whose <c>id</c> is the platform user id: <c>{"id", "first_name", "last_name", "email"}</c>.</summary>
    Flat = 0,

    /// <summary>
    /// A site-user-like item: <c>{"id": site-user id, "user": {"id": platform user id, "email", …}}</c>.
    /// </summary>
    NestedUser = 1,
}
