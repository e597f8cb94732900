using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Nexudus.Salto.DependencyInjection;
using Nexudus.Salto.Nexudus;
using Nexudus.Salto.SaltoKs;

namespace Nexudus.Salto.Sample.Settings;

/// <summary>
/// The configuration of a host, checked as a whole by the library's start-up validation
/// (<c>AddSaltoIntegration</c>): every bad key of the <c>Nexudus</c>, <c>SaltoKs</c> and <c>SaltoIntegration</c>
/// sections, each named by its full path, sorted by section so each command knows what it can still do.
/// </summary>
internal sealed record ConfigurationCheck
{
    /// <summary>Gets the integration settings as bound (even when some keys are bad).</summary>
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
    /// <param name="services">The host's services.</param>
    /// <returns>The check.</returns>
    public static ConfigurationCheck Run(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        // The integration's check lists all three sections; each client's own check runs too, since a value the
        // binder cannot convert stops the first before it reaches the others.
        var failures = new List<string>();
        Collect<SaltoIntegrationOptions>(services, failures);
        Collect<NexudusClientOptions>(services, failures);
        Collect<SaltoKsClientOptions>(services, failures);

        // The library accepts no SALTO credentials (a custom ISaltoKsTokenProvider may supply tokens); the sample
        // uses the default provider, which needs a user or a refresh token.
        var salto = Unvalidated<SaltoKsClientOptions>(services);
        if (salto is not null && string.IsNullOrWhiteSpace(salto.Username) && string.IsNullOrEmpty(salto.RefreshToken))
        {
            failures.Add("SaltoKs:Username and SaltoKs:Password (or SaltoKs:RefreshToken) are required.");
        }

        var integration = Unvalidated<SaltoIntegrationOptions>(services) ?? new SaltoIntegrationOptions();
        return new ConfigurationCheck
        {
            Integration = IntegrationSettings.From(integration),
            NexudusErrors = [.. failures.Distinct(StringComparer.Ordinal).Where(f => Names(f, "Nexudus"))],
            SaltoKsErrors = [.. failures.Distinct(StringComparer.Ordinal).Where(f => Names(f, "SaltoKs"))],
            IntegrationErrors = [.. failures.Distinct(StringComparer.Ordinal).Where(f => !Names(f, "Nexudus") && !Names(f, "SaltoKs"))],
        };
    }

    private static void Collect<TOptions>(IServiceProvider services, List<string> failures)
        where TOptions : class
    {
        try
        {
            _ = services.GetRequiredService<IOptions<TOptions>>().Value;
        }
        catch (OptionsValidationException e)
        {
            failures.AddRange(e.Failures);
        }
        catch (InvalidOperationException e)
        {
            failures.Add(BindingFailure(e.Message));
        }
    }

    // The binder could not convert a value (a number, a duration, an enum). Its message quotes the value, which is
    // left out here: no configuration value is ever repeated in output, in case it was a secret in the wrong key.
    private static string BindingFailure(string message)
    {
        var match = System.Text.RegularExpressions.Regex.Match(message, "at '(?<key>[^']+)' to type '(?<type>[^']+)'", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1));
        return match.Success
            ? $"{match.Groups["key"].Value} cannot be read as {match.Groups["type"].Value.Replace("System.", string.Empty, StringComparison.Ordinal)}."
            : "A configuration value cannot be read: " + message.Split('\'')[0].Trim();
    }

    private static bool Names(string failure, string section) =>
        failure.StartsWith(section + ":", StringComparison.Ordinal) || failure.Contains($"'{section}:", StringComparison.Ordinal);

    // The options as bound, before validation, so a command can still report on the keys that are fine.
    private static TOptions? Unvalidated<TOptions>(IServiceProvider services)
        where TOptions : class
    {
        try
        {
            return new OptionsFactory<TOptions>(services.GetServices<IConfigureOptions<TOptions>>(), services.GetServices<IPostConfigureOptions<TOptions>>())
                .Create(Microsoft.Extensions.Options.Options.DefaultName);
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }
}
