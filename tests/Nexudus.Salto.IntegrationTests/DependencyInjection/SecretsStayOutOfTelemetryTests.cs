using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;
using Nexudus.Salto.CheckIns;
using Nexudus.Salto.DependencyInjection;
using Nexudus.Salto.Nexudus;
using Nexudus.Salto.Reports;
using Nexudus.Salto.SaltoKs;
using Nexudus.Salto.Testing;

namespace Nexudus.Salto.IntegrationTests.DependencyInjection;

/// <summary>
/// A whole flow through a host configured by <c>AddSaltoIntegration</c> alone, against both sandboxes, with
/// seeded secrets: none of them may appear in any log line, exception message, metric tag or span.
/// </summary>
public sealed class SecretsStayOutOfTelemetryTests
{
    [Fact]
    public async Task FullFlow_WithSeededSecrets_WritesNoSecretAnywhere()
    {
        using var telemetry = new TelemetryCapture();
        await using var world = await IntegrationHostWorld.StartAsync(
            integration: i => i.AddWorker(o => o.EnableCheckIns = false).AddHealthCheck());
        var exceptions = new List<Exception>();
        world.Salto.Seed(b => b.UseSite(IntegrationHostWorld.SiteId)
            .User(new SiteUserId("su-ada"), new PlatformUserId("pu-ada"), "ada@example.com", "Ada", "Lovelace")
            .Entry(IntegrationHostWorld.FrontDoor, world.Time.GetUtcNow().AddMinutes(-10), new PlatformUserId("pu-ada"), EntryEventCategory.LockOpened));
        await world.Host.StartAsync();

        // The worker's first sync creates SALTO users, grants the day pass and assigns Ada's registered card.
        var status = world.Services.GetRequiredService<WorkerStatus>();
        using (var safety = new CancellationTokenSource(TimeSpan.FromSeconds(60)))
        {
            while (status[WorkerJob.Sync].LastSuccessAt is null)
            {
                Assert.Null(status[WorkerJob.Sync].LastFailure);
                await Task.Delay(20, safety.Token);
            }
        }

        Assert.NotEmpty(world.Salto.GetAccessGroupMembers(IntegrationHostWorld.SiteId, IntegrationHostWorld.DayGroup));
        Assert.Contains(world.Logs.GetSnapshot(), r => r.Id.Id == 5116); // Ada's unregistered card was reported

        // Reads that carry PINs and card numbers through the SDK.
        var nexudus = world.Services.GetRequiredService<INexudusClient>();
        var customers = await nexudus.ListCoworkersAsync().ToListAsync();
        Assert.Contains(customers, c => c.AccessPincode == IntegrationHostWorld.AdaPincode);
        await world.Services.GetRequiredService<ISaltoKsClient>().GetTagsAsync(IntegrationHostWorld.SiteId).ToListAsync();

        // The check-in bridge and a report.
        var checkIns = await world.Services.GetRequiredService<CheckInBridge>().RunAsync();
        // Just after local midnight the entry, ten minutes old, is dated yesterday and becomes a closed check-in.
        Assert.Equal(1, checkIns.Count(CheckInOutcome.CheckedIn) + checkIns.Count(CheckInOutcome.CheckedInAndOut));
        var rows = await world.Services.GetRequiredService<AccessReportBuilder>()
            .GetRowsAsync(world.Time.GetUtcNow().AddHours(-1), world.Time.GetUtcNow()).ToListAsync();
        Assert.NotEmpty(rows);

        // Failures: an unknown record, an expired token, and a host whose passwords are wrong.
        exceptions.Add(await Assert.ThrowsAsync<NexudusNotFoundException>(() => nexudus.GetCoworkerAsync(1)));
        world.Nexudus.ExpireAccessTokens();
        world.Salto.ExpireAllTokens();
        await nexudus.GetCoworkerAsync(customers[0].Id);
        await world.Services.GetRequiredService<ISaltoKsClient>().GetSiteAsync(IntegrationHostWorld.SiteId);
        exceptions.AddRange(await WrongPasswordFailuresAsync(world));

        await world.Host.StopAsync();
        AssertNoSecret(world, exceptions, telemetry);
        Assert.Contains("nexudus_salto.http.calls", telemetry.Instruments.Keys);
        Assert.Contains("nexudus_salto.sync.grants", telemetry.Instruments.Keys);
        Assert.Contains("nexudus_salto.sync.duration", telemetry.Instruments.Keys);
        Assert.Empty(new[] { "sync", "sync.plan", "sync.apply", "checkins", "nexudus GET", "saltoks PATCH" }.Except(telemetry.Spans.Keys));
    }

    private static async Task<List<Exception>> WrongPasswordFailuresAsync(IntegrationHostWorld world)
    {
        var failures = new List<Exception>();
        await using var wrong = await IntegrationHostWorld.StartAsync(configure: values =>
        {
            values["Nexudus:Password"] = IntegrationHostWorld.NexudusPassword + "-wrong";
            values["SaltoKs:Password"] = IntegrationHostWorld.SaltoPassword + "-wrong";
            values["SaltoKs:ClientSecret"] = IntegrationHostWorld.SaltoClientSecret + "-wrong";
        });
        failures.Add(await Assert.ThrowsAnyAsync<NexudusApiException>(
            () => wrong.Services.GetRequiredService<INexudusClient>().GetCoworkerAsync(1)));
        failures.Add(await Assert.ThrowsAnyAsync<SaltoKsApiException>(
            () => wrong.Services.GetRequiredService<ISaltoKsClient>().GetSiteAsync(IntegrationHostWorld.SiteId)));
        AssertNoSecret(wrong, failures, telemetry: null);
        return failures;
    }

    internal static void AssertNoSecret(IntegrationHostWorld world, IEnumerable<Exception> exceptions, TelemetryCapture? telemetry)
    {
        string[] secrets =
        [
            IntegrationHostWorld.NexudusPassword,
            IntegrationHostWorld.SaltoClientSecret,
            IntegrationHostWorld.SaltoPassword,
            IntegrationHostWorld.AdaPincode,
            IntegrationHostWorld.AdaRegisteredCard,
            IntegrationHostWorld.AdaUnknownCard,
            .. world.IssuedTokens,
        ];
        if (telemetry is not null)
        {
            // The full flow signs in to both services (and again after the tokens expire).
            Assert.True(world.IssuedTokens.Distinct().Count() >= 4, "the sandboxes issued fewer tokens than the flow needs");
        }

        var texts = new List<(string Where, string Text)>();
        foreach (var record in world.Logs.GetSnapshot())
        {
            texts.Add(($"log {record.Category} {record.Id}", record.Message));
            if (record.Exception is { } exception)
            {
                texts.Add(($"log exception {record.Category} {record.Id}", exception.ToString()));
            }

            foreach (var pair in record.StructuredState ?? [])
            {
                texts.Add(($"log state {record.Category} {record.Id}", $"{pair.Key}={pair.Value}"));
            }
        }

        texts.AddRange(exceptions.Select(e => ("exception", e.ToString())));
        texts.AddRange((telemetry?.Texts ?? []).Select(t => ("telemetry", t)));
        Assert.NotEmpty(texts);

        var leaks = (
            from text in texts
            from secret in secrets
            where text.Text.Contains(secret, StringComparison.Ordinal)
            select $"{text.Where}: …{Around(text.Text, secret)}…").Distinct().ToList();
        Assert.Empty(leaks);
    }

    // Shows where a leak sits without printing the secret itself into the test output.
    private static string Around(string text, string secret)
    {
        int at = text.IndexOf(secret, StringComparison.Ordinal);
        var before = text[Math.Max(0, at - 40)..at];
        var after = text[(at + secret.Length)..Math.Min(text.Length, at + secret.Length + 40)];
        return before + "[SECRET]" + after;
    }
}
