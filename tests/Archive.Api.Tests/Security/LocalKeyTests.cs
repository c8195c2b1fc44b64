using Archive.Api.Security;
using Archive.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Archive.Api.Tests;

/// <summary>With no key configured, the host makes an archivist key once, keeps it (0600) and reuses it.</summary>
public sealed class LocalKeyTests
{
    [Fact]
    public async Task Host_WithoutKeys_MakesKeepsAndReusesALocalArchivistKey()
    {
        var directory = Directory.CreateTempSubdirectory("archive-local-key-");
        var file = Path.Combine(directory.FullName, ".archive", "archivist.key");
        var settings = new Dictionary<string, string> { ["ARCHIVE_KEYS"] = "", ["ARCHIVE_LOCAL_KEY_FILE"] = file };
        var schema = TestDatabase.NewSchema("l");
        try
        {
            // given a first start without any key
            string secret;
            await using (var first = await ArchiveApiFactory.Start(schema, settings: settings))
            {
                // then the key is kept in the file, readable by its owner only, and announced once
                Assert.True(File.Exists(file));
                secret = (await File.ReadAllTextAsync(file)).TrimEnd('\n');
                Assert.DoesNotContain('\n', secret);
                Assert.True(secret.Length >= 40);
                if (!OperatingSystem.IsWindows())
                    Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
                Assert.Equal($"archivist key: {secret} (kept in {file})", first.Services.GetRequiredService<LocalKeyNotice>().Message);

                // and it is an archivist key; no key at all is refused
                using var archivist = first.CreateClientWithSecret(secret);
                Assert.Equal(201, (await archivist.Post<Written>("/api/topics", new { id = "local", title = "Local" })).Status);
                using var nobody = first.CreateClient(role: null);
                using var refused = await nobody.GetAsync("/api/topics");
                Assert.Equal(401, (int)refused.StatusCode);
            }

            // when the host starts again
            await using var second = await ArchiveApiFactory.Start(schema, settings: settings);

            // then the same key serves, and the file is unchanged
            Assert.Equal(secret, (await File.ReadAllTextAsync(file)).TrimEnd('\n'));
            using var again = second.CreateClientWithSecret(secret);
            using var read = await again.GetAsync("/api/audit/verify");
            Assert.Equal(200, (int)read.StatusCode);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Host_WithConfiguredKeys_MakesNoLocalKey()
    {
        var file = Path.Combine(Path.GetTempPath(), $"archive-no-local-key-{Guid.NewGuid():N}", "archivist.key");

        await using var factory = await ArchiveApiFactory.Start(settings: new Dictionary<string, string> { ["ARCHIVE_LOCAL_KEY_FILE"] = file });

        Assert.False(File.Exists(file));
        Assert.Null(factory.Services.GetService<LocalKeyNotice>());
    }
}
