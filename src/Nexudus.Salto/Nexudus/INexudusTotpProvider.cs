namespace Nexudus.Salto.Nexudus;

/// <summary>
/// Supplies the current two-factor (TOTP) code for the Nexudus password grant, when the Nexudus
/// user has two-factor authentication on. Register one in the service collection to use it.
/// </summary>
/// <remarks>
/// The client asks for a code only when it needs a new token by password, and never logs it.
/// </remarks>
public interface INexudusTotpProvider
{
    /// <summary>Gets the code valid now.</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The code, or <see langword="null"/> to send none.</returns>
    ValueTask<string?> GetCodeAsync(CancellationToken cancellationToken = default);
}
