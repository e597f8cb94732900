// Nexudus.Salto in your own host: the code to copy. A web app that keeps SALTO KS access groups in step
// with Nexudus (a full sync on an interval and at every booking or pass edge), turns door openings into
// check-ins, receives Nexudus webhooks so changes reach the doors within seconds, and answers health checks.
// Settings: appsettings.json (sections Nexudus, SaltoKs, SaltoIntegration), environment variables
// (Nexudus__Password, ...) or the command line. A bad setting stops the start with every bad key named.

using Nexudus.Salto.PostgreSql;

var builder = WebApplication.CreateBuilder(args);

var integration = builder.Services
    .AddSaltoIntegration(builder.Configuration) // both clients, the rules, the sync engine, the state store
    .AddWorker()                                // runs the syncs and check-ins in the background
    .AddHealthCheck(tags: "ready");             // last successful sync, quarantine

// Several hosts share one state (and split the SALTO sites) when a PostgreSQL connection string is set;
// otherwise the state is the SQLite file at SaltoIntegration:StatePath.
integration.UsePostgreSqlStateStore(builder.Configuration);

var app = builder.Build();

app.MapHealthChecks("/healthz");

// Nexudus posts to {PublicUrl}/{action}; deliveries are checked against SaltoIntegration:Webhooks:SharedSecret.
if (!string.IsNullOrEmpty(app.Configuration["SaltoIntegration:Webhooks:SharedSecret"]))
{
    app.MapNexudusWebhooks("/webhooks/nexudus");
}

app.Run();
