using Archive.Grains;

// A silo on its own: grains and their store, no HTTP. The local default co-hosts this in the API process.
var builder = Host.CreateApplicationBuilder(args);
var connection = builder.Configuration["ARCHIVE_POSTGRES"]
    ?? throw new InvalidOperationException("ARCHIVE_POSTGRES is not set: give a PostgreSQL connection string.");
var schema = builder.Configuration["ARCHIVE_SCHEMA"] ?? "archive";

builder.UseOrleans(silo => silo
    .UseLocalhostClustering(builder.Configuration.GetValue("ARCHIVE_SILO_PORT", 11111), builder.Configuration.GetValue("ARCHIVE_GATEWAY_PORT", 30000))
    .AddArchiveGrains(connection, schema));

builder.Build().Run();
