using System.Globalization;
using Microsoft.Extensions.Options;
using Nexudus.Salto.CheckIns;
using Nexudus.Salto.Entitlements;

namespace Nexudus.Salto.DependencyInjection;

/// <summary>
/// Checks <see cref="SaltoIntegrationOptions"/> and names every bad key by its full configuration path
/// (<c>SaltoIntegration:Locations:0:SaltoSiteId</c>), in one result.
/// </summary>
/// <remarks>
/// Simple rules are DataAnnotations attributes checked by the generated <see cref="SaltoIntegrationOptionsAnnotations"/>;
/// this class adds what spans several keys or cannot be an attribute without reflection: durations in range, unique
/// locations and sites, non-empty group ids, known reader roles and ownerships.
/// </remarks>
internal sealed class SaltoIntegrationOptionsValidator : IValidateOptions<SaltoIntegrationOptions>
{
    private static readonly SaltoIntegrationOptionsAnnotations Annotations = new();

    private readonly Func<IReadOnlyList<string>>? _otherSections;
    private readonly string? _optionsName;
    private readonly string _section = SaltoIntegrationOptions.SectionName;

    /// <summary>Creates a validator of the <c>SaltoIntegration</c> section alone.</summary>
    public SaltoIntegrationOptionsValidator()
    {
    }

    /// <summary>
    /// Creates a validator that also reports the failures of other sections (the two clients'), so that
    /// start-up fails with one error listing every bad key of the whole configuration.
    /// </summary>
    /// <param name="otherSections">Lists the other sections' failures, already named by full path.</param>
    public SaltoIntegrationOptionsValidator(Func<IReadOnlyList<string>> otherSections)
    {
        _otherSections = otherSections;
    }

    /// <summary>
    /// Creates the validator of one integration: it checks only the options of <paramref name="optionsName"/> (each
    /// integration has its own), and names keys under <paramref name="section"/>.
    /// </summary>
    /// <param name="otherSections">Lists the integration's other sections' failures, already named by full path.</param>
    /// <param name="optionsName">The integration's options name.</param>
    /// <param name="section">The configuration path of its <c>SaltoIntegration</c> section.</param>
    public SaltoIntegrationOptionsValidator(Func<IReadOnlyList<string>> otherSections, string optionsName, string section)
    {
        _otherSections = otherSections;
        _optionsName = optionsName;
        _section = section;
    }

    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, SaltoIntegrationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (_optionsName is not null && !string.Equals(name ?? Options.DefaultName, _optionsName, StringComparison.Ordinal))
        {
            return ValidateOptionsResult.Skip;
        }

        var failures = new List<string>();
        if (_otherSections is not null)
        {
            failures.AddRange(_otherSections());
        }

        failures.AddRange(GetFailures(options, _section));
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Lists what is wrong with <paramref name="options"/>; empty when nothing is.</summary>
    /// <param name="options">The options to check.</param>
    /// <param name="section">The configuration path the keys are named under.</param>
    /// <returns>One message per problem, each starting with the full path of its key.</returns>
    public static IReadOnlyList<string> GetFailures(SaltoIntegrationOptions options, string section)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(section);
        var failures = new List<string>();
        var annotations = Annotations.Validate(section, options);
        if (annotations.Failed)
        {
            failures.AddRange(annotations.Failures.Select(f => ToConfigurationPath(f, section)));
        }

        if (options.Locations.Count == 0)
        {
            failures.Add($"{section}:Locations must list at least one location.");
        }

        var businesses = new Dictionary<long, int>();
        var sites = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var readers = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < options.Locations.Count; i++)
        {
            var location = options.Locations[i];
            var path = $"{section}:Locations:{i.ToString(CultureInfo.InvariantCulture)}";
            if (location is null)
            {
                continue; // reported by the annotations
            }

            if (location.NexudusBusinessId <= 0)
            {
                failures.Add($"{path}:NexudusBusinessId is required and must be a positive Nexudus business id.");
            }
            else if (!businesses.TryAdd(location.NexudusBusinessId, i))
            {
                failures.Add($"{path}:NexudusBusinessId repeats the location of {section}:Locations:{businesses[location.NexudusBusinessId].ToString(CultureInfo.InvariantCulture)}; each Nexudus location may be listed once.");
            }

            var site = location.SaltoSiteId?.Trim();
            if (!string.IsNullOrEmpty(site) && !sites.TryAdd(site, i))
            {
                failures.Add($"{path}:SaltoSiteId repeats the site of {section}:Locations:{sites[site].ToString(CultureInfo.InvariantCulture)}; each SALTO KS site may be linked to one location.");
            }

            CheckLocation(location, path, failures);
            foreach (var lockId in location.Readers.Keys.Where(k => !string.IsNullOrWhiteSpace(k)).Order(StringComparer.Ordinal))
            {
                if (!readers.TryAdd(lockId.Trim(), i))
                {
                    failures.Add($"{path}:Readers:{lockId} is already a reader of {section}:Locations:{readers[lockId.Trim()].ToString(CultureInfo.InvariantCulture)}; a lock belongs to one location.");
                }
            }
        }

        if (options.Safety is null)
        {
            failures.Add($"{section}:Safety is required.");
        }
        else if (options.Safety.MaxRevocations < 0)
        {
            failures.Add($"{section}:Safety:MaxRevocations must be zero or more.");
        }

        if (options.Worker is { } worker)
        {
            CheckWorker(worker, $"{section}:Worker", failures);
        }

        if (options.Webhooks is { } webhooks)
        {
            CheckWebhooks(webhooks, $"{section}:Webhooks", failures);
        }
        else
        {
            failures.Add($"{section}:Webhooks is required.");
        }

        Duration(failures, $"{section}:CheckInLookBack", options.CheckInLookBack, TimeSpan.Zero, TimeSpan.FromDays(30));
        if (options.EraseArchivedAfter is { } eraseAfter)
        {
            Duration(failures, $"{section}:EraseArchivedAfter", eraseAfter, TimeSpan.FromDays(1), TimeSpan.FromDays(3653));
        }

        Duration(failures, $"{section}:EntryRetention", options.EntryRetention, TimeSpan.FromDays(1), TimeSpan.FromDays(3653));
        if (options.EntryRetention < options.CheckInLookBack)
        {
            failures.Add($"{section}:EntryRetention must not be shorter than {section}:CheckInLookBack, or entries would be processed twice.");
        }
        if (!Enum.IsDefined(options.PastDayCheckIns))
        {
            failures.Add($"{section}:PastDayCheckIns must be Closed or Skip.");
        }

        if (options.PastDayDefaultStay <= TimeSpan.Zero || options.PastDayDefaultStay >= TimeSpan.FromDays(1))
        {
            failures.Add($"{section}:PastDayDefaultStay must be more than zero and less than a day.");
        }

        CheckSyncAndCheckIns(options, section, failures);
        return failures;
    }

    // The sync engine's and the check-in bridge's own settings (ranges the attributes cannot say).
    private static void CheckSyncAndCheckIns(SaltoIntegrationOptions options, string section, List<string> failures)
    {
        Duration(failures, $"{section}:FullReadInterval", options.FullReadInterval, TimeSpan.Zero, TimeSpan.FromDays(7));
        Duration(failures, $"{section}:BookingLookAhead", options.BookingLookAhead, TimeSpan.Zero, TimeSpan.FromDays(31));
        Duration(failures, $"{section}:GroupRetryBaseDelay", options.GroupRetryBaseDelay, TimeSpan.FromSeconds(1), TimeSpan.FromDays(1));
        Duration(failures, $"{section}:GroupRetryMaxDelay", options.GroupRetryMaxDelay, TimeSpan.FromSeconds(1), TimeSpan.FromDays(7));
        if (options.GroupRetryBaseDelay > options.GroupRetryMaxDelay)
        {
            failures.Add($"{section}:GroupRetryBaseDelay must not be longer than {section}:GroupRetryMaxDelay.");
        }

        if (!Enum.IsDefined(options.TimeSlotDayNumbering))
        {
            failures.Add($"{section}:TimeSlotDayNumbering must be SundayZero or MondayOne.");
        }

        for (int i = 0; i < options.NewUserRoleIds.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(options.NewUserRoleIds[i]))
            {
                failures.Add($"{section}:NewUserRoleIds:{i.ToString(CultureInfo.InvariantCulture)} must be a SALTO role id, not empty.");
            }
        }

        Duration(failures, $"{section}:LateEntryWindow", options.LateEntryWindow, TimeSpan.Zero, TimeSpan.FromDays(30));
        if (options.EntryRetention < options.LateEntryWindow)
        {
            failures.Add($"{section}:EntryRetention must not be shorter than {section}:LateEntryWindow, or late entries would be processed twice.");
        }

        Duration(failures, $"{section}:Debounce", options.Debounce, TimeSpan.Zero, TimeSpan.FromHours(1));
        Duration(failures, $"{section}:OpenCheckInSearchWindow", options.OpenCheckInSearchWindow, TimeSpan.FromMinutes(1), TimeSpan.FromDays(7));
    }

    private static void CheckLocation(SaltoLocationOptions location, string path, List<string> failures)
    {
        Links(failures, $"{path}:TimePassGroups", location.TimePassGroups);
        Links(failures, $"{path}:FloorPlanDeskGroups", location.FloorPlanDeskGroups);
        Links(failures, $"{path}:ResourceGroups", location.ResourceGroups);

        foreach (var (lockId, role) in location.Readers.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            if (string.IsNullOrWhiteSpace(lockId))
            {
                failures.Add($"{path}:Readers has a reader with an empty lock id.");
            }
            else if (role is not (ReaderRole.CheckIn or ReaderRole.CheckOut))
            {
                failures.Add($"{path}:Readers:{lockId} must be CheckIn or CheckOut.");
            }
        }

        foreach (var (groupId, ownership) in location.GroupOwnership.OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            if (string.IsNullOrWhiteSpace(groupId))
            {
                failures.Add($"{path}:GroupOwnership has an entry with an empty group id.");
            }
            else if (!Enum.IsDefined(ownership))
            {
                failures.Add($"{path}:GroupOwnership:{groupId} must be Shared or Exclusive.");
            }
        }

        Duration(failures, $"{path}:BookingAccessBefore", location.BookingAccessBefore, TimeSpan.Zero, TimeSpan.FromDays(1));
        Duration(failures, $"{path}:BookingAccessAfter", location.BookingAccessAfter, TimeSpan.Zero, TimeSpan.FromDays(1));
        if (location.SuspendAfterOverdueDays is < 0 or > 365)
        {
            failures.Add($"{path}:SuspendAfterOverdueDays must be between 0 and 365 days, or unset to leave access unaffected by invoices.");
        }

        Duration(failures, $"{path}:VisitorAccessBefore", location.VisitorAccessBefore, TimeSpan.Zero, TimeSpan.FromHours(12));
        if (location.GuestSeatReserve is < 0 or > 100_000)
        {
            failures.Add($"{path}:GuestSeatReserve must be between 0 and 100000 seats.");
        }

        for (int i = 0; i < (location.VisitorGroups?.Count ?? 0); i++)
        {
            if (string.IsNullOrWhiteSpace(location.VisitorGroups![i]))
            {
                failures.Add($"{path}:VisitorGroups:{i.ToString(CultureInfo.InvariantCulture)} is empty; give a SALTO access-group id.");
            }
        }

        if (location.PassDayCutoff < TimeSpan.Zero || location.PassDayCutoff >= TimeSpan.FromDays(1))
        {
            failures.Add($"{path}:PassDayCutoff must be a time of day, from 00:00:00 up to but not including 1.00:00:00.");
        }
    }

    private static void Links(List<string> failures, string path, IDictionary<long, IList<string>> links)
    {
        foreach (var (itemId, groups) in links.OrderBy(l => l.Key))
        {
            var itemPath = $"{path}:{itemId.ToString(CultureInfo.InvariantCulture)}";
            if (itemId <= 0)
            {
                failures.Add($"{itemPath} must be keyed by a positive Nexudus id.");
            }

            for (int i = 0; i < (groups?.Count ?? 0); i++)
            {
                if (string.IsNullOrWhiteSpace(groups![i]))
                {
                    failures.Add($"{itemPath}:{i.ToString(CultureInfo.InvariantCulture)} must be a SALTO access-group id, not empty.");
                }
            }
        }
    }

    private static void CheckWorker(SaltoWorkerOptions worker, string path, List<string> failures)
    {
        var second = TimeSpan.FromSeconds(1);
        Duration(failures, $"{path}:SyncInterval", worker.SyncInterval, second, TimeSpan.FromDays(1));
        Duration(failures, $"{path}:CheckInInterval", worker.CheckInInterval, second, TimeSpan.FromDays(1));
        Duration(failures, $"{path}:EdgeMargin", worker.EdgeMargin, TimeSpan.Zero, TimeSpan.FromMinutes(1));
        Duration(failures, $"{path}:RetryDelay", worker.RetryDelay, second, TimeSpan.FromDays(1));
        Duration(failures, $"{path}:MaxRetryDelay", worker.MaxRetryDelay, second, TimeSpan.FromDays(1));
        Duration(failures, $"{path}:QuarantineRetryInterval", worker.QuarantineRetryInterval, second, TimeSpan.FromDays(1));
        Duration(failures, $"{path}:HealthySyncAge", worker.HealthySyncAge, second, TimeSpan.FromDays(30));
        if (worker.RetryDelay > worker.MaxRetryDelay)
        {
            failures.Add($"{path}:RetryDelay must not be longer than {path}:MaxRetryDelay.");
        }
    }

    private static void CheckWebhooks(SaltoWebhookOptions webhooks, string path, List<string> failures)
    {
        if (webhooks.PublicUrl is not null && ServiceUrlRule.Check($"{path}:PublicUrl", webhooks.PublicUrl) is { } url)
        {
            failures.Add(url);
        }

        if (webhooks.MaxBodyBytes is < 1024 or > 16 * 1024 * 1024)
        {
            failures.Add($"{path}:MaxBodyBytes must be between 1024 and 16777216 (got {webhooks.MaxBodyBytes.ToString(CultureInfo.InvariantCulture)}).");
        }

        if (webhooks.MaxTargetedCustomers is < 1 or > 1000)
        {
            failures.Add($"{path}:MaxTargetedCustomers must be between 1 and 1000.");
        }

        Duration(failures, $"{path}:CoalesceWindow", webhooks.CoalesceWindow, TimeSpan.Zero, TimeSpan.FromMinutes(1));
    }

    private static void Duration(List<string> failures, string key, TimeSpan value, TimeSpan min, TimeSpan max)
    {
        if (value < min || value > max)
        {
            failures.Add($"{key} must be between {min:c} and {max:c} (got {value:c}).");
        }
    }

    /// <summary>
    /// Rewrites a generated DataAnnotations failure, <c>Member: Section.Locations[0].Member is required.</c>,
    /// as <c>Section:Locations:0:Member is required.</c>, the form configuration uses.
    /// </summary>
    internal static string ToConfigurationPath(string failure, string section)
    {
        int start = failure.IndexOf(section + ".", StringComparison.Ordinal);
        if (start < 0)
        {
            return failure;
        }

        int end = failure.IndexOf(' ', start);
        if (end < 0)
        {
            end = failure.Length;
        }

        // Generated range checks say "The field X must be ..."; keep the key first, as every other message does.
        var path = failure[start..end]
            .Replace("[", ".", StringComparison.Ordinal)
            .Replace("]", string.Empty, StringComparison.Ordinal)
            .Replace('.', ':');
        return path + failure[end..];
    }
}
