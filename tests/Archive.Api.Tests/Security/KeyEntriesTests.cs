using Archive.Api.Security;
using Microsoft.Extensions.Configuration;
using Xunit;

namespace Archive.Api.Tests;

/// <summary>Parsing key entries: what is accepted, and that a bad entry is named without echoing its secret.</summary>
public sealed class KeyEntriesTests
{
    private const string Secret = "a-perfectly-fine-secret-42";

    private static IConfiguration Settings(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.ToDictionary(v => v.Key, v => (string?)v.Value)).Build();

    [Fact]
    public void Parse_SecretEntry_KeepsOnlyItsHash()
    {
        var key = KeyEntries.Parse($"auditor:ci-audit:{Secret}", "test");

        Assert.Equal((Roles.Auditor, "ci-audit"), (key.Role, key.Name));
        Assert.Equal(ApiKey.HashOf(Secret), key.Hash);
    }

    [Fact]
    public void Parse_HashEntry_MatchesTheSecretItWasMadeFrom()
    {
        var ring = new KeyRing([KeyEntries.Parse($"reader:dash:sha256:{TestKeys.Sha256(Secret).ToUpperInvariant()}", "test")]);

        Assert.Equal("dash", ring.Find(Secret)?.Name);
        Assert.Null(ring.Find(Secret + "x"));
    }

    [Fact]
    public void Find_KeyAlsoListedAsRevoked_IsRevokedWhicheverComesFirst()
    {
        var live = KeyEntries.Parse($"archivist:old:{Secret}", "a");
        var revoked = KeyEntries.Parse($"revoked:old:sha256:{TestKeys.Sha256(Secret)}", "b");

        Assert.True(new KeyRing([live, revoked]).Find(Secret)!.Revoked);
        Assert.True(new KeyRing([revoked, live]).Find(Secret)!.Revoked);
    }

    [Theory]
    [InlineData("reader:dash", "ARCHIVE_KEYS entry 2 is malformed: expected role:name:secret")]
    [InlineData("owner:dash:a-perfectly-fine-secret-42", "ARCHIVE_KEYS entry 2 is malformed: the role must be one of reader, auditor, archivist or revoked")]
    [InlineData("reader:has space:a-perfectly-fine-secret-42", "ARCHIVE_KEYS entry 2 is malformed: the name must be")]
    [InlineData("reader:dash:short-secret-42", "ARCHIVE_KEYS entry 2 (reader:dash:…) is malformed: the secret must be at least 16 characters")]
    [InlineData("reader:dash:sha256:abc-short-secret-42", "ARCHIVE_KEYS entry 2 (reader:dash:…) is malformed: a sha256: hash must be 64 hexadecimal digits")]
    public void FromConfiguration_MalformedEntry_StopsNamingTheEntryWithoutItsSecret(string entry, string expected)
    {
        var settings = Settings(("ARCHIVE_KEYS", $"archivist:ok:{Secret};{entry}"));

        var error = Assert.Throws<InvalidOperationException>(() => KeyEntries.FromConfiguration(settings));

        Assert.StartsWith("API keys: " + expected, error.Message);
        Assert.DoesNotContain("short-secret-42", error.Message);
        Assert.DoesNotContain(Secret, error.Message);
    }

    [Fact]
    public void FromConfiguration_TwoLiveKeysWithOneName_Stops()
    {
        var settings = Settings(("ARCHIVE_KEYS", $"reader:dash:{Secret};auditor:dash:another-fine-secret-43"));

        var error = Assert.Throws<InvalidOperationException>(() => KeyEntries.FromConfiguration(settings));

        Assert.Contains("the name 'dash' is given to 2 different keys", error.Message);
    }

    [Fact]
    public void FromConfiguration_AllThreeSources_AreRead()
    {
        var file = Path.GetTempFileName();
        File.WriteAllLines(file, ["# comment", "", $"reader:from-file:{Secret}"]);
        try
        {
            var settings = Settings(
                ($"{KeyEntries.Section}:0", "auditor:from-section:section-secret-000001"),
                ("ARCHIVE_KEYS_FILE", file),
                ("ARCHIVE_KEYS", " archivist:from-variable:variable-secret-00001 ; "));

            var keys = KeyEntries.FromConfiguration(settings);

            Assert.Equal(["from-section", "from-file", "from-variable"], keys.Select(k => k.Name));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Host_MalformedEntry_DoesNotStart()
    {
        var factory = new ArchiveApiFactory(Archive.Testing.TestDatabase.NewSchema("k"), settings: new Dictionary<string, string>
        {
            ["ARCHIVE_KEYS"] = "reader:dash:too-short-1",
        });

        var error = Record.Exception(() => factory.Server);

        Assert.NotNull(error);
        Assert.Contains("ARCHIVE_KEYS entry 1 (reader:dash:…) is malformed", error.ToString());
        Assert.DoesNotContain("too-short-1", error.ToString());
        await factory.DisposeAsync();
    }
}
