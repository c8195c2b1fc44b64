namespace Archive.Domain.Statements;

/// <summary>Code point offsets into a source's stored text, end exclusive.</summary>
public sealed record TextSpan(int Start, int End);
