using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Nexudus.Salto.Nexudus;
using Nexudus.Salto.SaltoKs;

namespace Nexudus.Salto.Sample.Settings;

/// <summary>
/// The configuration of a host, checked as a whole: every bad key of the <c>Nexudus</c>, <c>SaltoKs</c> and
/// <c>SaltoIntegration</c> sections, each named by its full path (SPEC §2).
/// </summary>
internal sealed record ConfigurationCheck
{
    /// <summary>Gets the integration settings as read (parts with errors keep their defaults).</summary>
    /// <value>The settings.</value>
    public required IntegrationSettings Integration { get; init; }

    /// <summary>Gets what is wrong with the <c>Nexudus</c> section.</summary>
    /// <value>Empty when the client can be built.</value>
    public required IReadOnlyList<string> NexudusErrors { get; init; }

    /// <summary>Gets what is wrong with the <c>SaltoKs</c> section.</summary>
    /// <value>Empty when the client can be built.</value>
    public required IReadOnlyList<string> SaltoKsErrors { get; init; }

    /// <summary>Gets what is wrong with the <c>SaltoIntegration</c> section.</summary>
    /// <value>Empty when the section is usable.</value>
    public required IReadOnlyList<string> IntegrationErrors { get; init; }

    /// <summary>Gets every error, in section order.</summary>
    /// <value>Empty when the configuration is valid.</value>
    public IEnumerable<string> AllErrors => NexudusErrors.Concat(SaltoKsErrors).Concat(IntegrationErrors);

    /// <summary>Gets whether nothing is wrong.</summary>
    /// <value><see langword="true"/> when there is no error.</value>
    public bool IsValid => !AllErrors.Any();

    /// <summary>Checks a host's configuration.</summary>
    /// <param name="services">The host's services (the clients' options validators run here).</param>
    /// <param name="requireLocations">Whether at least one location must be configured.</param>
    /// <returns>The check.</returns>
    public static ConfigurationCheck Run(IServiceProvider services, bool requireLocations)
    {
        ArgumentNullException.ThrowIfNull(services);
        var integrationErrors = new List<string>();
        var integration = IntegrationSettings.Read(services.GetRequiredService<IConfiguration>(), integrationErrors);
        if (requireLocations && integration.Locations.Count == 0)
        {
            integrationErrors.Add("SaltoIntegration:Locations must list at least one location (a Nexudus business id and its SALTO site id).");
        }

        var saltoErrors = OptionsErrors<SaltoKsClientOptions>(services, "SaltoKs");
        if (saltoErrors.Count == 0)
        {
            // The library accepts no credentials (a custom ISaltoKsTokenProvider may supply tokens); the sample
            // uses the default provider, which needs a user or a refresh token.
            var salto = services.GetRequiredService<IOptions<SaltoKsClientOptions>>().Value;
            if (string.IsNullOrWhiteSpace(salto.Username) && string.IsNullOrEmpty(salto.RefreshToken))
            {
                saltoErrors.Add("SaltoKs:Username and SaltoKs:Password (or SaltoKs:RefreshToken) are required.");
            }
        }

        return new ConfigurationCheck
        {
            Integration = integration,
            NexudusErrors = OptionsErrors<NexudusClientOptions>(services, "Nexudus"),
            SaltoKsErrors = saltoErrors,
            IntegrationErrors = integrationErrors,
        };
    }

    private static List<string> OptionsErrors<TOptions>(IServiceProvider services, string section)
        where TOptions : class
    {
        try
        {
            _ = services.GetRequiredService<IOptions<TOptions>>().Value;
            return [];
        }
        catch (OptionsValidationException e)
        {
            return [.. e.Failures];
        }
        catch (InvalidOperationException e)
        {
            // The binder could not convert a value (a number, a duration, a URL); its message names the key.
            return [$"{section}: {e.Message}"];
        }
    }
}
