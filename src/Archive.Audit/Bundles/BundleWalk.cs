using F = Archive.Audit.Bundles.BundleFields;

namespace Archive.Audit.Bundles;

// The walk over a bundle's lines as the reader reads them: one header first and the footer last, positions rising
// within the header's range, each stream's chain, the seals and the footer's counts. The first failure is kept;
// the lines after it are still read, to count them.
internal sealed class BundleWalk(SignatureCheck? signatures)
{
    private readonly SealChecks _sealChecks = new(signatures);
    private readonly Dictionary<string, (long Version, string Hash)> _heads = new(StringComparer.Ordinal);
    private readonly HashSet<string> _streams = new(StringComparer.Ordinal);
    private long _events, _seals, _tombstones, _from, _to, _lastPosition = -1;
    private bool _header, _footer;
    private BundleFailure? _failure;

    public BundleVerification Stop(long line, string problem, string expected, string found)
    {
        Fail(line, null, null, problem, expected, found);
        return Result();
    }

    public BundleVerification End(long lineAfterLast)
    {
        if (!_header) Fail(lineAfterLast, null, null, "the bundle is empty", "a header line", "the end of the bundle");
        else if (!_footer) Fail(lineAfterLast, null, null, "the bundle ends without a footer (truncated?)", "a footer line", "the end of the bundle");
        return Result();
    }

    public void Line(long number, string text)
    {
        var read = BundleReader.Read(text);
        if (_failure is not null)
        {
            Count(read);
            return;
        }
        switch (read.Kind)
        {
            case null:
                Fail(number, read.Problem!);
                break;
            case var kind when _footer:
                Fail(number, null, null, "a line follows the footer", "the end of the bundle", $"a line of kind \"{kind}\"");
                break;
            case var kind when !_header && kind != F.Header:
                Fail(number, null, null, "the bundle does not start with a header", "a line of kind \"header\"", $"a line of kind \"{kind}\"");
                break;
            case F.Header when _header:
                Fail(number, null, null, "a second header", "one header, on line 1", "another header");
                break;
            case F.Header:
                Header(number, read);
                break;
            case F.Event:
                Event(number, read);
                break;
            case F.Tombstone:
                Tombstone(number, read);
                break;
            case F.Seal:
                _seals++; // a reserved kind: seals travel as events of the stream archive:seals
                break;
            case F.Footer:
                Footer(number, read);
                break;
            default:
                Fail(number, read.Problem!);
                break;
        }
    }

    private void Count(BundleRead read)
    {
        if (read.Kind == F.Seal) _seals++;
        if (read.Kind == F.Tombstone) _tombstones++;
        if (read.Kind != F.Event) return;
        _events++;
        if (StreamOf(read) is { } stream) _streams.Add(stream);
    }

    private static string? StreamOf(BundleRead read) => read.Line is BundleEvent e ? e.Stream : read.Problem?.Stream;

    private void Header(long number, BundleRead read)
    {
        _header = true;
        if (read.Line is not BundleHeader header)
        {
            Fail(number, read.Problem!);
            return;
        }
        (_from, _to) = (header.FromPosition, header.ToPosition);
        _sealChecks.PublicKey = header.PublicKey;
    }

    private void Tombstone(long number, BundleRead read)
    {
        _tombstones++;
        if (read.Line is not BundleTombstone tombstone) Fail(number, read.Problem!);
        else if (Placed(number, tombstone.Position, Tombstones.Stream, null, "tombstone")) _sealChecks.Leaf(tombstone.Position, Tombstones.SealLeaf);
    }

    private void Event(long number, BundleRead read)
    {
        _events++;
        if (StreamOf(read) is { } stream) _streams.Add(stream);
        if (read.Line is BundleEvent e)
        {
            if (!Placed(number, e.Position, e.Stream, e.Version, "event")) return;
            Chain(number, e);
            if (_failure is not null) return;
            if (e.Stream != MerkleTree.SealStream) _sealChecks.Leaf(e.Position, e.Hash!);
            else if (SealChecks.IsSeal(e))
            {
                _seals++;
                if (_sealChecks.Check(e, _from) is { } problem) Fail(number, problem);
            }
        }
        // a line that names its position is placed first: out of order or out of range is what a reader sees first
        else if (read.Problem is { Position: { } position } problem)
        {
            if (Placed(number, position, problem.Stream, problem.Version, "event")) Fail(number, problem);
        }
        else Fail(number, read.Problem!);
    }

    private bool Placed(long number, long position, string? stream, long? version, string what)
    {
        if (position <= _lastPosition)
            Fail(number, stream, version, "the events are out of position order", $"a position after {_lastPosition}", $"position {position}");
        else if (position < _from || position > _to)
            Fail(number, stream, version, $"the {what} lies outside the bundle's range", $"a position from {_from} to {_to}", $"position {position}");
        else
        {
            _lastPosition = position;
            return true;
        }
        return false;
    }

    private void Chain(long number, BundleEvent e)
    {
        var (stream, version, previous) = (e.Stream, e.Version, e.PreviousHash);
        if (!_heads.TryGetValue(stream, out var head))
        {
            // A bundle from the start of the archive holds every stream from its first event; one that starts
            // later takes the previous hash of each stream's first event as given (its link to earlier events
            // is outside the bundle).
            if (_from <= 1 && version != 1)
            {
                Fail(number, stream, version, "the stream's earlier events are missing from a bundle that starts at the beginning", "version 1", $"version {version}");
                return;
            }
            if (version == 1 && previous is not null)
            {
                Fail(number, stream, version, "version 1 of a stream names a previous hash", "previousHash null", previous);
                return;
            }
            if (version > 1 && previous is null)
            {
                Fail(number, stream, version, "an event after version 1 names no previous hash", "the previous event's hash", "previousHash null");
                return;
            }
        }
        else if (version != head.Version + 1)
        {
            Fail(number, stream, version, version <= head.Version
                ? "a version of the stream appears twice or goes back"
                : "an event of the stream is missing before this one", $"version {head.Version + 1}", $"version {version}");
            return;
        }
        else if (!string.Equals(previous, head.Hash, StringComparison.Ordinal))
        {
            Fail(number, stream, version, "the previous hash is not the hash of the stream's previous event", head.Hash, previous ?? "null");
            return;
        }

        string computed;
        try
        {
            computed = EventHash.Compute(previous, stream, version, e.Type, CanonicalJson.Canonicalize(e.Data));
        }
        catch (Exception x) when (x is ArgumentException or FormatException or InvalidOperationException)
        {
            // e.g. a number too large for a double: it has no canonical form, so nothing could have hashed it
            Fail(number, stream, version, "the event's data has no canonical form", "JSON that RFC 8785 can canonicalize", x.Message);
            return;
        }
        // the reader reads no event without a hash
        if (!string.Equals(computed, e.Hash, StringComparison.Ordinal))
        {
            Fail(number, stream, version, "the event does not hash to its recorded hash (changed, moved or forged)", computed, e.Hash!);
            return;
        }
        _heads[stream] = (version, e.Hash!);
    }

    private void Footer(long number, BundleRead read)
    {
        _footer = true;
        if (read.Line is not BundleFooter footer)
            Fail(number, read.Problem!);
        else if (footer.Events != _events)
            Fail(number, null, null, "the footer's event count does not match the bundle (an event line was removed or added)",
                $"{footer.Events} event lines, as the footer says", $"{_events} event lines");
        else if (footer.Streams != _streams.Count)
            Fail(number, null, null, "the footer's stream count does not match the bundle",
                $"{footer.Streams} streams, as the footer says", $"{_streams.Count} streams");
        else if (footer.Tombstones != _tombstones)
            Fail(number, null, null, "the footer's tombstone count does not match the bundle (a tombstone line was removed or added)",
                $"{footer.Tombstones} tombstone lines, as the footer says", $"{_tombstones} tombstone lines");
    }

    private void Fail(long line, BundleLineProblem problem) =>
        Fail(line, problem.Stream, problem.Version, problem.Problem, problem.Expected, problem.Found);

    private void Fail(long line, string? stream, long? version, string problem, string expected, string found) =>
        _failure ??= new BundleFailure(line, stream, version, problem, expected, found);

    private BundleVerification Result() => new(_events, _streams.Count, _seals, _failure, _tombstones);
}
