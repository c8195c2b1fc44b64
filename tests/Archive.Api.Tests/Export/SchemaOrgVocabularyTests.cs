using System.Diagnostics;
using System.Formats.Tar;
using System.IO.Compression;
using System.Text.RegularExpressions;
using Xunit;

namespace Archive.Api.Tests.Export;

/// <summary>
/// The validator's vocabulary table against schema.org as published: schema-dts (the schema.org vocabulary as
/// TypeScript declarations, generated from schema.org's own data) is fetched from the npm registry, as the OpenAPI lint
/// fetches its linter, and every type's supertype, every property's domain and its range must be what it declares.
/// </summary>
public sealed partial class SchemaOrgVocabularyTests
{
    public const string Package = "schema-dts@2.1.0";

    [Fact]
    public async Task Vocabulary_Table_MatchesSchemaOrgAsPublished()
    {
        var declarations = await Declarations();
        var bases = BaseInterface().Matches(declarations).ToDictionary(m => m.Groups[1].Value, m => (Extends: m.Groups[2].Value, Body: m.Groups[3].Value));
        var problems = new List<string>();

        foreach (var (type, parent) in SchemaOrgVocabulary.Supertype)
        {
            if (!bases.TryGetValue(type, out var declared)) { problems.Add($"{type}: not a schema.org type"); continue; }
            if (parent is not null && !declared.Extends.Split(',').Select(e => e.Trim()).Contains(parent + "Base"))
                problems.Add($"{type}: its supertype is not {parent} ({declared.Extends})");
        }
        foreach (var (property, (domain, range)) in SchemaOrgVocabulary.Properties)
        {
            var checkedOn = domain.Where(SchemaOrgVocabulary.Supertype.ContainsKey).ToArray();
            if (checkedOn.Length == 0) problems.Add($"{property}: no domain of the table's types");
            foreach (var type in checkedOn)
            {
                var declaration = Property(property).Match(bases.GetValueOrDefault(type).Body ?? "");
                if (!declaration.Success) { problems.Add($"{property}: not a property of {type}"); continue; }
                var declaredRange = declaration.Groups[1].Value.Split('|').Select(t => t.Trim()).Where(t => t != "IdReference").Order();
                if (!declaredRange.SequenceEqual(range.Order())) problems.Add($"{property} on {type}: range {string.Join("|", declaredRange)}, not {string.Join("|", range)}");
            }
        }
        Assert.True(problems.Count == 0, $"the vocabulary table differs from {Package}:\n  " + string.Join("\n  ", problems));
    }

    [GeneratedRegex(@"^interface (\w+)Base extends ([^{]+) \{\n(.*?)^\}", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex BaseInterface();

    private static Regex Property(string name) => new($"^    \"{Regex.Escape(name)}\"\\?: SchemaValue<([^,]+), \"{Regex.Escape(name)}\">;", RegexOptions.Multiline);

    /// <summary>The package's schema.d.ts, packed by npm into the test's output folder (its own npm cache, no home directory needed).</summary>
    private static async Task<string> Declarations()
    {
        var folder = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "schema-dts")).FullName;
        var archive = Path.Combine(folder, "schema-dts-2.1.0.tgz");
        if (!File.Exists(archive))
        {
            var start = new ProcessStartInfo("npm", ["pack", Package, "--pack-destination", folder, "--silent"])
            {
                WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            };
            start.Environment["npm_config_cache"] = Path.Combine(AppContext.BaseDirectory, ".npm-cache");
            start.Environment["npm_config_update_notifier"] = "false";
            using var npm = Process.Start(start)!;
            var error = npm.StandardError.ReadToEndAsync();
            await npm.StandardOutput.ReadToEndAsync();
            await npm.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromMinutes(3)).Token);
            Assert.True(npm.ExitCode == 0 && File.Exists(archive), $"npm pack {Package} failed ({npm.ExitCode}): {await error}");
        }
        await using var gzip = new GZipStream(File.OpenRead(archive), CompressionMode.Decompress);
        using var tar = new TarReader(gzip);
        while (await tar.GetNextEntryAsync() is { } entry)
        {
            if (entry.Name != "package/dist/schema.d.ts") continue;
            using var reader = new StreamReader(entry.DataStream!);
            return (await reader.ReadToEndAsync()).Replace("\r\n", "\n");
        }
        throw new InvalidDataException($"{archive} holds no package/dist/schema.d.ts");
    }
}
