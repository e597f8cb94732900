namespace Nexudus.Salto.SaltoKs;

/// <summary>The order in which entries come back (<c>$orderby=utc_date_time asc|desc</c>).</summary>
public enum SaltoKsSortOrder
{
    /// <summary>Oldest first; the order to use when processing entries after a watermark.</summary>
    Ascending = 0,

    /// <summary>Newest first.</summary>
    Descending = 1,
}
