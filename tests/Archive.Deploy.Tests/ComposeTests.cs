using YamlDotNet.RepresentationModel;

namespace Archive.Deploy.Tests;

public sealed class ComposeTests
{
    private static readonly YamlMappingNode Compose = Assert.Single(Repo.Yaml("docker-compose.yml"));
    private static YamlMappingNode Services => Compose.Map("services");
    private static YamlMappingNode Service(string name) => Services.Map(name);

    /// <summary>The archive's own services and the process each runs.</summary>
    public static TheoryData<string, string> ArchiveServices() => new()
    {
        { "silo1", "silo" }, { "silo2", "silo" }, { "api", "api" },
    };

    private static Dictionary<string, YamlNode> Environment(string service) =>
        Service(service).Map("environment").Children.ToDictionary(e => e.Key.Scalar(), e => e.Value);

    [Fact]
    public void Compose_Services_ArePostgresTwoSilosTheApiAndTheObservabilityPair()
    {
        Assert.Equal(["api", "jaeger", "otel-collector", "postgres", "silo1", "silo2"], Services.Keys().Order());
    }

    [Theory]
    [MemberData(nameof(ArchiveServices))]
    public void ArchiveService_BuildsItsProcessImage(string service, string role)
    {
        var process = Contract.Processes.Single(p => p.Role == role);
        var build = Service(service).Map("build");
        Assert.Equal(".", build.Str("context"));
        Assert.Equal(process.Dockerfile, build.Str("dockerfile"));
        Assert.Equal(process.Image + ":local", Service(service).Str("image"));
        Assert.Null(Service(service).Find("profiles"));
    }

    [Theory]
    [MemberData(nameof(ArchiveServices))]
    public void ArchiveService_SetsOnlyVariablesItsProcessReads(string service, string role)
    {
        var process = Contract.Processes.Single(p => p.Role == role);
        foreach (var name in Environment(service).Keys)
            Assert.True(process.Variables.Contains(name), $"{service} sets {name}, which the {role} does not read");
    }

    [Theory]
    [MemberData(nameof(ArchiveServices))]
    public void ArchiveService_JoinsTheOneClusterOnTheComposePostgres(string service, string role)
    {
        _ = role;
        var env = Environment(service);
        Assert.Equal("postgres", env["ARCHIVE_CLUSTERING"].Scalar());
        Assert.Equal("archive", env["ARCHIVE_CLUSTER_ID"].Scalar());
        Assert.Equal("statement-archive", env["ARCHIVE_SERVICE_ID"].Scalar());

        var connection = env["ARCHIVE_POSTGRES"].Scalar().Split(';').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        var postgres = Service("postgres").Map("environment");
        Assert.Equal("postgres", connection["Host"]);
        Assert.Equal(postgres.Str("POSTGRES_DB"), connection["Database"]);
        Assert.Equal(postgres.Str("POSTGRES_USER"), connection["Username"]);
        Assert.Equal(postgres.Str("POSTGRES_PASSWORD"), connection["Password"]);
    }

    [Theory]
    [MemberData(nameof(ArchiveServices))]
    public void ArchiveService_ExportsOtlpOnlyWhenTheShellSaysWhere(string service, string role)
    {
        _ = role;
        var env = Environment(service);
        // Without a value Compose takes the variable from its shell and leaves it unset otherwise.
        Assert.True(env["OTEL_EXPORTER_OTLP_ENDPOINT"].IsNull(), "OTEL_EXPORTER_OTLP_ENDPOINT must come from the shell");
        Assert.Equal("archive-" + service, env["OTEL_SERVICE_NAME"].Scalar());
    }

    [Fact]
    public void Silos_HaveTheirPortsAndAHealthcheckOnTheGateway()
    {
        foreach (var silo in new[] { "silo1", "silo2" })
        {
            var env = Environment(silo);
            Assert.Equal(Contract.SiloPort.ToString(), env["ARCHIVE_SILO_PORT"].Scalar());
            Assert.Equal(Contract.GatewayPort.ToString(), env["ARCHIVE_GATEWAY_PORT"].Scalar());
            var test = Service(silo).Map("healthcheck").Seq("test").Select(t => t.Scalar()).ToList();
            Assert.Equal("CMD", test[0]);
            Assert.Contains($"/dev/tcp/$$HOSTNAME/{Contract.GatewayPort}", test[^1]);
            Assert.Null(Service(silo).Find("ports"));
        }
    }

    [Fact]
    public void Api_IsPublishedOnLoopbackAndChecksHealth()
    {
        var env = Environment("api");
        Assert.Equal($"http://0.0.0.0:{Contract.HttpPort}", env["ARCHIVE_URLS"].Scalar());
        Assert.Equal($"127.0.0.1:{Contract.HttpPort}:{Contract.HttpPort}", Assert.Single(Service("api").Seq("ports")).Scalar());
        var test = string.Join(' ', Service("api").Map("healthcheck").Seq("test").Select(t => t.Scalar()));
        Assert.Contains($"/dev/tcp/127.0.0.1/{Contract.HttpPort}", test);
        Assert.Contains("GET /health ", test);
        // The image ships the seeds at /app/seeds (Dockerfile.api).
        Assert.Equal("/app/seeds", env["ARCHIVE_SEEDS"].Scalar());
        Assert.Contains(Dockerfile.Load(Contract.ApiProcess.Dockerfile).Final.All("COPY"), c => c.Arguments == "seeds/ /app/seeds/");
    }

    [Fact]
    public void Postgres_KeepsItsDataInAVolumeAndAllowsTheConnectionsTheProcessesNeed()
    {
        var postgres = Service("postgres");
        Assert.Equal("deploy/Dockerfile.postgres", postgres.Map("build").Str("dockerfile"));
        var image = Dockerfile.Load("deploy/Dockerfile.postgres").Final;
        Assert.Equal("postgres:15", image.Image);
        Assert.Contains(image.All("RUN"), r => r.Arguments.Contains("postgresql-$PG_MAJOR-rum"));
        Assert.Contains("max_connections=300", postgres.Seq("command").Select(c => c.Scalar()));
        var mount = Assert.Single(postgres.Seq("volumes")).Scalar().Split(':');
        Assert.Equal("/var/lib/postgresql/data", mount[1]);
        Assert.Contains(mount[0], Compose.Map("volumes").Keys());
        Assert.Contains("pg_isready", string.Join(' ', postgres.Map("healthcheck").Seq("test").Select(t => t.Scalar())));
    }

    [Fact]
    public void DependsOn_WaitsForHealthyPostgresAndSilos()
    {
        Assert.Equal(["postgres"], DependsOn("silo1").Keys);
        Assert.Equal(["postgres"], DependsOn("silo2").Keys);
        Assert.Equal(["postgres", "silo1", "silo2"], DependsOn("api").Keys.Order());
        foreach (var service in new[] { "silo1", "silo2", "api" })
            foreach (var (target, condition) in DependsOn(service))
            {
                Assert.Equal("service_healthy", condition);
                // Compose refuses service_healthy on a service without a healthcheck.
                Assert.NotNull(Service(target).Find("healthcheck"));
            }
    }

    [Fact]
    public void ObservabilityProfile_RunsTheCollectorWithItsConfigAndJaeger()
    {
        foreach (var name in new[] { "otel-collector", "jaeger" })
            Assert.Equal(["observability"], Service(name).Seq("profiles").Select(p => p.Scalar()));
        var mount = Assert.Single(Service("otel-collector").Seq("volumes")).Scalar().Split(':');
        Assert.True(File.Exists(Repo.PathOf(mount[0].TrimStart('.', '/'))), $"{mount[0]} does not exist");
        Assert.Contains($"--config={mount[1]}", Service("otel-collector").Seq("command").Select(c => c.Scalar()));
        Assert.Contains("127.0.0.1:4317:4317", Service("otel-collector").Seq("ports").Select(p => p.Scalar()));
        Assert.Contains("127.0.0.1:16686:16686", Service("jaeger").Seq("ports").Select(p => p.Scalar()));
        // The header comment is the documented way to turn export on; it must name the collector's gRPC port.
        Assert.Contains("OTEL_EXPORTER_OTLP_ENDPOINT=http://otel-collector:4317 docker compose --profile observability up", Repo.Text("docker-compose.yml"));
    }

    private static Dictionary<string, string> DependsOn(string service) =>
        Service(service).Map("depends_on").Children.ToDictionary(d => d.Key.Scalar(), d => d.Value.Str("condition"));
}
