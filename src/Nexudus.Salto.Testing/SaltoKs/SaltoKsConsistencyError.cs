namespace Nexudus.Salto.Testing;

/// <summary>The error the sandbox answers for a just-created user inside the post-create window.</summary>
public enum SaltoKsConsistencyError
{
    /// <summary>404 <c>{"ErrorCode":"2202","Message":"User not found"}</c>.</summary>
    NotFound = 0,

    /// <summary>403 <c>{"ErrorCode":"2203","Message":"User does not have permission for this operation on this user"}</c>.</summary>
    Forbidden = 1,
}
