namespace Archive.Deploy.Tests;

/// <summary>A Dockerfile as instructions (continuations joined, comments dropped), grouped into its stages.</summary>
public sealed record Dockerfile(IReadOnlyList<Dockerfile.Stage> Stages)
{
    public sealed record Instruction(string Keyword, string Arguments, int Line);

    public sealed record Stage(string Image, string? Name, IReadOnlyList<Instruction> Instructions)
    {
        public IEnumerable<Instruction> All(string keyword) =>
            Instructions.Where(i => i.Keyword.Equals(keyword, StringComparison.OrdinalIgnoreCase));
    }

    public Stage Final => Stages[^1];

    public static Dockerfile Load(string relative)
    {
        var instructions = new List<Instruction>();
        var lines = Repo.Text(relative).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var start = i + 1;
            while (line.EndsWith('\\') && i + 1 < lines.Length)
            {
                var next = lines[++i].Trim();
                if (next.StartsWith('#')) continue;
                line = line[..^1].TrimEnd() + " " + next;
            }
            var space = line.IndexOf(' ');
            instructions.Add(space < 0
                ? new Instruction(line.ToUpperInvariant(), "", start)
                : new Instruction(line[..space].ToUpperInvariant(), line[(space + 1)..].Trim(), start));
        }

        var stages = new List<Stage>();
        foreach (var instruction in instructions)
        {
            if (instruction.Keyword == "FROM")
            {
                var words = instruction.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                var name = words.Length == 3 && words[1].Equals("AS", StringComparison.OrdinalIgnoreCase) ? words[2] : null;
                stages.Add(new Stage(words[0], name, new List<Instruction>()));
            }
            else if (stages.Count == 0)
                throw new Xunit.Sdk.XunitException($"{relative}:{instruction.Line}: {instruction.Keyword} before FROM.");
            else
                ((List<Instruction>)stages[^1].Instructions).Add(instruction);
        }
        return new Dockerfile(stages);
    }
}
