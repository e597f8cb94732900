using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Nexudus.Salto.Sample.Cli;
using Nexudus.Salto.Sample.Settings;
using Nexudus.Salto.State;
using Nexudus.Salto.Sync;

namespace Nexudus.Salto.Sample.Commands;

/// <summary><c>erase &lt;customerId&gt;</c>: erases one customer on request and prints what it removed.</summary>
internal static class EraseCommand
{
    /// <summary>Creates the command.</summary>
    /// <param name="context">What commands share.</param>
    /// <returns>The command.</returns>
    public static Command Create(CommandContext context)
    {
        var customer = new Argument<long>("customerId") { Description = "The Nexudus customer (coworker) id." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Print what would be removed, and remove nothing." };
        var command = new Command(
            "erase",
            "Erases one customer (a GDPR request): deletes the SALTO user the SDK created for them on every configured site (a user it adopted is kept and " +
            "only loses the memberships the SDK added) and forgets every state-store row about them. Exit code 0 done, 1 failed (erasing again completes it).")
        {
            customer,
            dryRun,
        };
        command.SetAction((parseResult, cancellationToken) => context.RunAsync(
            "erase",
            async token =>
            {
                using var host = context.BuildHost(parseResult);
                var configuration = ConfigurationCheck.Run(host.Services);
                if (!configuration.IsValid)
                {
                    context.Console.Fail($"erase: the configuration is not valid: {string.Join(" ", configuration.AllErrors)}");
                    return ExitCodes.Failed;
                }

                var id = parseResult.GetValue(customer);
                if (id <= 0)
                {
                    context.Console.Fail("erase: the customer id must be a positive Nexudus id.");
                    return ExitCodes.Failed;
                }

                CustomerErasure erasure;
                try
                {
                    erasure = await host.Services.GetRequiredService<CustomerEraser>().EraseAsync(id, parseResult.GetValue(dryRun), token);
                }
                catch (SyncStateLockedException ex)
                {
                    context.Console.Fail($"erase: {ex.Message} Try again when the sync has finished.");
                    return ExitCodes.Failed;
                }

                Print(context, erasure);
                return erasure.Completed ? ExitCodes.Done : ExitCodes.Failed;
            },
            cancellationToken));
        return command;
    }

    private static void Print(CommandContext context, CustomerErasure erasure)
    {
        var verb = erasure.DryRun ? "would be" : "was";
        if (erasure.Sites.Count == 0 && erasure.OtherRowsRemoved == 0)
        {
            context.Console.Line(string.Create(CultureInfo.InvariantCulture, $"Customer {erasure.CustomerId}: the state store knows nothing about them; nothing to erase."));
            return;
        }

        foreach (var site in erasure.Sites)
        {
            var user = site.SiteUserId is not { } siteUser
                ? "no SALTO user linked"
                : site.UserCreatedBySdk
                    ? $"SALTO user {siteUser} (created by the SDK) {verb} deleted"
                    : $"SALTO user {siteUser} (adopted) {verb} kept, taken out of {site.GroupsLeft.Count} group(s) the SDK had added: {string.Join(", ", site.GroupsLeft)}";
            context.Console.Line(site.Error is { } error
                ? $"Site {site.SiteId}: {error}"
                : string.Create(CultureInfo.InvariantCulture, $"Site {site.SiteId}: {user}; {site.StateRowsRemoved} state row(s) {verb} removed."));
        }

        if (erasure.OtherRowsRemoved > 0)
        {
            context.Console.Line($"Payment suspension record {verb} removed.");
        }
    }
}
