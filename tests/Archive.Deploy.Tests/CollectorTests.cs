using YamlDotNet.RepresentationModel;

namespace Archive.Deploy.Tests;

public sealed class CollectorTests
{
    private static readonly YamlMappingNode Config = Assert.Single(Repo.Yaml("deploy/otel/collector.yaml"));
    private static readonly YamlMappingNode Compose = Assert.Single(Repo.Yaml("docker-compose.yml"));

    [Fact]
    public void Pipelines_NameOnlyComponentsTheConfigDefines()
    {
        // The collector refuses to start on a pipeline that names an undefined receiver, processor or exporter.
        var pipelines = Config.Map("service").Map("pipelines");
        Assert.Equal(["logs", "metrics", "traces"], pipelines.Keys().Order().ToArray());
        foreach (var (_, pipeline) in pipelines.Children)
            foreach (var kind in new[] { "receivers", "processors", "exporters" })
                foreach (var component in pipeline.Seq(kind).Select(c => c.Scalar()))
                    Assert.Contains(component, Config.Map(kind).Keys());
        foreach (var extension in Config.Map("service").Seq("extensions").Select(e => e.Scalar()))
            Assert.Contains(extension, Config.Map("extensions").Keys());
    }

    [Fact]
    public void OtlpReceiver_ListensWhereTheArchiveIsToldToSend()
    {
        var protocols = Config.Map("receivers").Map("otlp").Map("protocols");
        Assert.Equal("0.0.0.0:4317", protocols.Map("grpc").Str("endpoint"));
        Assert.Equal("0.0.0.0:4318", protocols.Map("http").Str("endpoint"));
        Assert.Contains("otel-collector", Compose.Map("services").Keys());
    }

    [Fact]
    public void Traces_GoToJaegerAndTheApiIsScrapedWhereComposeServesIt()
    {
        var exporter = Config.Map("exporters").Map("otlp/jaeger");
        var host = exporter.Str("endpoint").Split(':')[0];
        Assert.Contains(host, Compose.Map("services").Keys());
        Assert.Equal("true", Compose.Map("services").Map(host).Map("environment").Str("COLLECTOR_OTLP_ENABLED"));
        Assert.Contains("otlp/jaeger", Config.Map("service").Map("pipelines").Map("traces").Seq("exporters").Select(e => e.Scalar()));

        var scrape = Assert.Single(Config.Map("receivers").Map("prometheus").Map("config").Seq("scrape_configs"));
        Assert.Equal("/metrics", scrape.Str("metrics_path"));
        var target = Assert.Single(Assert.Single(scrape.Seq("static_configs")).Seq("targets")).Scalar().Split(':');
        Assert.Contains(target[0], Compose.Map("services").Keys());
        Assert.Equal(Contract.HttpPort.ToString(), target[1]);
    }
}
