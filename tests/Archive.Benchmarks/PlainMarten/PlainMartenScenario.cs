using Archive.Benchmarks.Harness;
using Archive.Benchmarks.Payloads;
using Archive.Domain.Actors;

namespace Archive.Benchmarks.PlainMarten;

/// <summary>M1: P1's workload (the same actors, callers and statements) through <see cref="PlainMartenWriter"/>.</summary>
public static class PlainMartenScenario
{
    public static async Task<Repetition> ManyActors(PlainMartenWriter writer, Corpus corpus, int actors, int callers, int perRepetition, int repetition)
    {
        var names = Enumerable.Range(0, actors).Select(a => $"m1-actor-{a:000}").ToArray();
        if (repetition == 0)
            await writer.Prepare(corpus.Sources.Select(s => (s.Id, Corpus.Register(s))), names.Select(a => new RegisterActor(a, $"Speaker {a}", "person", "PK")));
        var (seconds, latencies, failures) = await Stats.Drive(perRepetition, callers, (i, into) =>
        {
            var actor = names[i % actors];
            var command = corpus.Statement(actor, repetition * (perRepetition / actors + 1) + i / actors);
            return Latencies.Time(into, () => writer.RecordStatement(command));
        });
        if (failures > 0) throw new InvalidOperationException($"M1: {failures} of {perRepetition} statements were not appended");
        return new Repetition(perRepetition / seconds, latencies);
    }
}
