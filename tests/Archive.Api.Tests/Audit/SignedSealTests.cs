using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Archive.Audit;
using Archive.Grains;
using Archive.Testing;
using Microsoft.Extensions.DependencyInjection;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Security;
using Xunit;
using Archive.Grains.Interfaces;

namespace Archive.Api.Tests;

/// <summary>Seals signed with the archive's Ed25519 key, verified offline with only the published public key.</summary>
public sealed class SignedSealTests()
    : ApiTest(seeded: true, settings: new Dictionary<string, string> { ["ARCHIVE_SEAL_KEY"] = Convert.ToBase64String(Key.GetEncoded()) })
{
    private static readonly Ed25519PrivateKeyParameters Key = new(new SecureRandom());

    private static bool Check(string publicKey, string text, string signature)
    {
        var verifier = new Ed25519Signer();
        verifier.Init(false, new Ed25519PublicKeyParameters(Convert.FromBase64String(publicKey), 0));
        var bytes = System.Text.Encoding.UTF8.GetBytes(text);
        verifier.BlockUpdate(bytes, 0, bytes.Length);
        return verifier.VerifySignature(Convert.FromBase64String(signature));
    }

    private async Task<string[]> SealAndExport()
    {
        var total = await Factory.EventCount();
        await Eventually.Get(() => Client.GetFromJsonAsync<Feed>($"/api/events?after={total - 1}"), f => f!.Items.Count == 1, what: "the high-water mark");
        Assert.True((await Factory.Services.GetRequiredService<IGrainFactory>().GetGrain<ISealGrain>(ISealGrain.Key)
            .Seal(new WriteContext("auditor", null))).Appended);
        await Eventually.Get(() => Client.GetFromJsonAsync<Feed>($"/api/events?after={total}"), f => f!.Items.Count == 1, what: "the seal to commit");
        return (await Client.GetStringAsync("/api/audit/export")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    [Fact]
    public async Task Export_SignedSeal_VerifiesOfflineWithThePublishedKeyAndFailsWhenTheSignatureIsForged()
    {
        var published = await Client.GetFromJsonAsync<JsonElement>("/api/audit/key");
        var lines = await SealAndExport();
        var header = JsonDocument.Parse(lines[0]).RootElement;
        var sealLine = Array.FindIndex(lines, l => l.Contains("\"seal_recorded\""));

        var verified = BundleVerifier.Verify(lines, Check);
        // a forger signs the seal with another key and recomputes its hash, so only the signature can tell
        var forged = lines.ToArray();
        var seal = System.Text.Json.Nodes.JsonNode.Parse(lines[sealLine])!.AsObject();
        var data = seal["data"]!.AsObject();
        var otherKey = new Ed25519PrivateKeyParameters(new SecureRandom());
        var signer = new Ed25519Signer();
        signer.Init(true, otherKey);
        var text = System.Text.Encoding.UTF8.GetBytes(SealText.Signed((long)data["number"]!, (long)data["fromPosition"]!,
            (long)data["toPosition"]!, (long)data["events"]!, (string)data["merkleRoot"]!, (string?)data["previousSealRoot"]));
        signer.BlockUpdate(text, 0, text.Length);
        data["signature"] = Convert.ToBase64String(signer.GenerateSignature());
        seal["hash"] = EventHash.Compute((string?)seal["previousHash"], MerkleTree.SealStream, (long)seal["version"]!, "seal_recorded",
            CanonicalJson.Canonicalize(data.ToJsonString()));
        forged[sealLine] = seal.ToJsonString();
        var failure = BundleVerifier.Verify(forged, Check).Failure;

        Assert.Equal(Convert.ToBase64String(Key.GeneratePublicKey().GetEncoded()), published.GetProperty("publicKey").GetString());
        Assert.Equal(published.GetProperty("publicKey").GetString(), header.GetProperty("publicKey").GetString());
        Assert.Null(verified.Failure);
        Assert.Equal(1, verified.Seals);
        Assert.NotNull(failure);
        Assert.Equal(sealLine + 1, failure.Line);
        Assert.Contains("signature", failure.Problem);
    }

    [Fact]
    public async Task Key_ArchiveWithoutSealKey_Answers404()
    {
        await using var unsigned = await ArchiveApiFactory.Start();
        using var client = unsigned.CreateClient();

        using var response = await client.GetAsync("/api/audit/key");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Sealer_EnoughEventsWaiting_SealsWithoutWaitingForTheInterval()
    {
        await using var archive = await ArchiveApiFactory.Start(seeds: ArchiveApiFactory.RepositorySeeds,
            settings: new Dictionary<string, string> { ["ARCHIVE_SEAL_SECONDS"] = "3600", ["ARCHIVE_SEAL_EVENTS"] = "50" });
        Assert.Empty((await archive.SeedImport())!.Failures);

        var seals = await Eventually.Get(
            () => TestDatabase.Scalar($"select count(*) from {archive.Schema}.mt_events where stream_id = 'archive:seals'"),
            n => n >= 1, TimeSpan.FromSeconds(60), "the sealer to seal 50 waiting events");

        Assert.True(seals >= 1);
        Assert.True(await TestDatabase.Scalar(
            $"select (data ->> 'events')::bigint from {archive.Schema}.mt_events where stream_id = 'archive:seals' and version = 1") >= 50);
    }
}
