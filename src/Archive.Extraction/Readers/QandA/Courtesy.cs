using System.Text.RegularExpressions;

namespace Archive.Extraction.Readers.QandA;

/// <summary>
/// Greetings and the running of the briefing ("Good afternoon.", "I have two announcements to start with.", "With that,
/// I'll take your questions.") are said at a briefing but say nothing an archivist would record.
/// </summary>
internal static partial class Courtesy
{
    // "Thank you, that concludes today's briefing.": a thanks may open the closing words.
    public static bool IsCourtesy(string sentence) =>
        Pattern().IsMatch(sentence.Trim()) || Thanks().Match(sentence.Trim()) is { Success: true } m && Pattern().IsMatch(sentence.Trim()[m.Length..]);

    [GeneratedRegex(@"^(?:Thank you|Thanks|OK|Okay|All right|Right|Well)(?: (?:all|everyone|everybody|very much|again))?, ", RegexOptions.IgnoreCase)]
    private static partial Regex Thanks();

    [GeneratedRegex(@"^(?:" +
        @"(?:Good (?:morning|afternoon|evening)|Hello|Hi|Welcome|Thank you|Thanks)(?:[,]? (?:everyone|everybody|all|very much|again|for (?:the|your|that|this) questions?|for coming|for joining us|for being here))*[.!]" +
        @"|(?:I(?:'d|’d| would) like to|I(?:'ll|’ll| will)|Let me|I want to|I wish to) (?:start|begin|open)(?: today)? (?:with|by)(?: (?:an?|one|two|three|four|a few|some|several|short|brief|quick))* (?:announcements?|items?|remarks?|updates?)[^.]*[.]" +
        // "Let me begin with the floods in the north.": the subject is named, and what is said of it follows.
        @"|(?:I(?:'d|’d| would) like to|I(?:'ll|’ll| will)|Let me|I want to|I wish to) (?:start|begin|open)(?: today)? with [^.:;]{1,80}[.]" +
        // "…, so I will brief you today.": who briefs is the running of the briefing, not a position.
        @"|[^.]*\bI (?:will|'ll|’ll|am going to|am|'m|’m) (?:brief(?:ing)? you|be briefing you)\b[^.]*[.]" +
        @"|I have (?:an?|one|two|three|four|several|a few|some|no) (?:short |brief |quick )?(?:announcements?|items?|updates?)(?: to (?:start|begin) with| for you| today)?[.]" +
        @"|(?:Before we begin|To begin|First),? (?:an?|one|two|three|four|a few) (?:short |brief )?(?:announcements?|items?)[.]" +
        @"|(?:With that|And with that|Now|So),? (?:I(?:'ll|’ll| will| am happy to| would be happy to|'m happy to|’m happy to)|let me) (?:take|turn to|open the floor to) (?:your |the )?questions?[.]" +
        @"|(?:Today )?[Ww]e are (?:also )?joined (?:today )?by [^.]*[.]" +
        @"|[^.]*\b(?:is|are) (?:also )?(?:with us|joining us)(?: today| this (?:morning|afternoon))? to (?:brief|answer|take|present|speak|talk)\b[^.]*[.]" +
        @"|(?:\w+, )?the floor is yours[.]" +
        @"|[^.]*\bis (?:also )?here (?:today )?to (?:answer|take) (?:your |the )?questions[^.]*[.]" +
        @"|Next question,? please[.]|Any other questions\?|That concludes [^.]*[.]" +
        @"|(?:That is|That's|That’s) (?:all|it)(?: for (?:today|now|this (?:morning|afternoon))| from me)?[.!]|See you [^.]*[.!]" +
        @"|We have (?:time for )?(?:one|two|three|a few|a couple of|time for one) (?:more|last|final|other) questions?[^.]*[.]" +
        @"|[^.]*\bwill (?:open|begin|start) (?:today's|today’s|this|the) (?:briefing|press conference)\b[^.]*[.]" +
        @"|The next (?:regular )?(?:briefing|press (?:briefing|conference)) will (?:be held|take place|be) [^.]*[.])$", RegexOptions.IgnoreCase)]
    private static partial Regex Pattern();
}
