namespace Nexudus.Salto.Sync;

/// <summary>Why a customer could not be matched to a SALTO KS user. Matches are never guessed.</summary>
public enum IdentityIssueKind
{
    /// <summary>The customer has no e-mail address, so no SALTO user can be matched or created.</summary>
    NoEmail = 0,

    /// <summary>Several SALTO users on the site have the customer's e-mail; none is chosen.</summary>
    AmbiguousSaltoUsers = 1,

    /// <summary>Several Nexudus customers have the same e-mail; none of them is matched or created by e-mail.</summary>
    SharedEmail = 2,

    /// <summary>The SALTO user with the customer's e-mail is already linked to another customer.</summary>
    LinkedToAnotherCustomer = 3,

    /// <summary>
    /// The customer's remembered SALTO user is no longer on the site; the link was dropped and the customer
    /// matched again by e-mail (or a new user planned).
    /// </summary>
    StaleLink = 4,
}
