namespace Archive.Extraction.Shapes;

/// <summary>The kinds of document the readers know.</summary>
internal enum SourceShape
{
    /// <summary>A press-conference transcript with turn prefixes.</summary>
    QandA,

    /// <summary>A news report: quotations, "X said that …", "according to".</summary>
    News,

    /// <summary>A joint statement, communiqué or readout: "the two sides agreed …".</summary>
    Joint,

    /// <summary>An article written by an actor, in the author's own voice.</summary>
    Authored,
}
