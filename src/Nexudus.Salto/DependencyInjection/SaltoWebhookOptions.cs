namespace Nexudus.Salto.DependencyInjection;

/// <summary>
/// The Nexudus webhook endpoint and the worker's handling of webhook events, bound from
/// <c>SaltoIntegration:Webhooks</c>.
/// </summary>
public sealed class SaltoWebhookOptions
{
    /// <summary>The default most bytes a delivery body may have.</summary>
    public const int DefaultMaxBodyBytes = 256 * 1024;

    /// <summary>
    /// Gets or sets the shared secret Nexudus signs deliveries with (the <c>X-Nexudus-Hook-Signature</c> header, an
    /// HMAC-SHA256 of the raw body). A delivery without a valid signature is refused with 401.
    /// </summary>
    /// <value><see langword="null"/> by default: every delivery is refused unless <see cref="AllowUnsigned"/> is set.</value>
    public string? SharedSecret { get; set; }

    /// <summary>
    /// Gets or sets whether deliveries without a signature are accepted. Whether Nexudus signs webhooks created with
    /// plain admin credentials is unconfirmed; turn this on only behind another safeguard (a secret path, a network
    /// rule). A delivery that carries a wrong signature is refused even then.
    /// </summary>
    /// <value><see langword="false"/>.</value>
    public bool AllowUnsigned { get; set; }

    /// <summary>
    /// Gets or sets the public address of the endpoint (the prefix passed to <c>MapNexudusWebhooks</c>, as Nexudus
    /// reaches it). Registration points each webhook at <c>{PublicUrl}/{action}</c>.
    /// </summary>
    /// <value><see langword="null"/> by default; https unless it is a loopback address.</value>
    public Uri? PublicUrl { get; set; }

    /// <summary>Gets or sets the most bytes a delivery body may have; a longer one is refused with 413.</summary>
    /// <value>256 KiB; between 1 KiB and 16 MiB.</value>
    public int MaxBodyBytes { get; set; } = DefaultMaxBodyBytes;

    /// <summary>
    /// Gets or sets how long the worker waits after the first event of a burst before it applies them, so a burst
    /// becomes one targeted run. An event that finds the worker idle (no run going on, nothing waiting) is applied at
    /// once; the events that arrive while that run works make the burst that waits.
    /// </summary>
    /// <value>500 milliseconds; between zero and one minute.</value>
    public TimeSpan CoalesceWindow { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// Gets or sets how many customers one targeted run may cover; a burst that names more runs a whole sync instead,
    /// which then costs fewer Nexudus calls than reading each customer's records.
    /// </summary>
    /// <value>10; between 1 and 1000.</value>
    public int MaxTargetedCustomers { get; set; } = 10;
}
