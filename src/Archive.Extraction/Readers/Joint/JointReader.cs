using Archive.Extraction.Readers.News;
using Archive.Extraction.Text;

namespace Archive.Extraction.Readers.Joint;

/// <summary>
/// Reads a joint statement or readout. Its sentences are found as a report's are (quotations, "X said that …");
/// <see cref="JointRules"/> decides which are the parties' joint words.
/// </summary>
internal static class JointReader
{
    public static void Read(ReadingContext context, Segment paragraph)
    {
        if (!Declaration.ReadPreamble(context, paragraph)) NewsReader.Read(context, paragraph, jointDocument: true);
    }
}
