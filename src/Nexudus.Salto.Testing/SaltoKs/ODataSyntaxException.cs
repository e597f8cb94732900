namespace Nexudus.Salto.Testing;

/// <summary>An OData query option the sandbox does not accept; answered with 400 <c>1102</c>.</summary>
internal sealed class ODataSyntaxException : Exception
{
    public ODataSyntaxException()
    {
    }

    public ODataSyntaxException(string message)
        : base(message)
    {
    }

    public ODataSyntaxException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
