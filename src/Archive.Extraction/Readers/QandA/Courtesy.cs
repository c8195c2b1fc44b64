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
        Pattern().IsMatch(sentence.Trim()) || Calls().IsMatch(sentence.Trim())
        || Thanks().Match(sentence.Trim()) is { Success: true } m && Pattern().IsMatch(sentence.Trim()[m.Length..]);

    // A moderator calls the next speaker by name or outlet ("Valdoria Radio, please.", "Next, Kestria Today.", "Ilse
    // Brandt first."), and speakers thank or welcome each other by name ("Thank you, Jan.", "Erik, welcome to Port
    // Aven."). Case matters here: a one-word reply ("Certainly.") is an answer, not a call.
    [GeneratedRegex(@"^(?:" +
        @"(?:Next, )?\p{Lu}[\w'’-]*(?: (?:\p{Lu}[\w'’-]*|of|the)){1,3}[.]" +
        @"|(?:Next, )\p{Lu}[\w'’-]*[.]" +
        // "Helga Frisk, Mirov Courier.": the next asker with their outlet.
        @"|\p{Lu}[\w'’-]*(?: \p{Lu}[\w'’-]*){1,2}, (?:the )?\p{Lu}[\w'’-]*(?: (?:\p{Lu}[\w'’-]*|of|the)){0,4}[.]" +
        @"|\p{Lu}[\w'’-]*(?: (?:\p{Lu}[\w'’-]*|of|the)){0,3}(?:,? please| first|, go ahead)[.]" +
        @"|(?:Thank you|Thanks)(?: very much)?, (?:dear )?(?:\p{Lu}[\w'’-]*(?: \p{Lu}[\w'’-]*)?|ministers|colleagues|all)(?:, for [^.!]*)?[.!]" +
        // "Thank you, Madam President, and thank you for your hospitality."
        @"|(?:Thank you|Thanks)(?: very much)?, (?:Madam|Mr\.?|Mister|Madame|Dear) \p{Lu}[\w'’-]*(?: \p{Lu}[\w'’-]*)?(?:,? and thank you for [^.!]*)?[.!]" +
        @"|(?:\p{Lu}[\w'’-]*(?: \p{Lu}[\w'’-]*)?, )?(?:welcome|welcome back) to [^.!]*[.!]" +
        @")$")]
    private static partial Regex Calls();

    [GeneratedRegex(@"^(?:Thank you|Thanks|OK|Okay|All right|Right|Well)(?: (?:all|everyone|everybody|very much|again))?, ", RegexOptions.IgnoreCase)]
    private static partial Regex Thanks();

    [GeneratedRegex(@"^(?:" +
        @"(?:Ladies and gentlemen, )?(?:Good (?:morning|afternoon|evening)|Hello|Hi|Welcome|Thank you|Thanks)(?:[,]? (?:everyone|everybody|all|very much|again|for (?:the|your|that|this) questions?|for (?:coming|joining us|being here)(?: (?:out|along|here|in the cold|today|this morning|this afternoon))*|ladies and gentlemen|friends|colleagues|and thank you for (?:coming|joining us|being here)))*(?:,? and welcome (?:back )?to [^.!]*)?[.!]" +
        @"|(?:I(?:'d|’d| would) like to|I(?:'ll|’ll| will)|Let me|I want to|I wish to) (?:start|begin|open)(?: today)? (?:with|by)(?: (?:an?|one|two|three|four|a few|some|several|short|brief|quick))* (?:announcements?|items?|remarks?|updates?)[^.]*[.]" +
        // "Let me begin with the floods in the north.": the subject is named, and what is said of it follows.
        @"|(?:I(?:'d|’d| would) like to|I(?:'ll|’ll| will)|Let me|I want to|I wish to) (?:start|begin|open)(?: today)? with [^.:;]{1,80}[.]" +
        // "…, so I will brief you today.": who briefs is the running of the briefing, not a position.
        @"|[^.]*\bI (?:will|'ll|’ll|am going to|am|'m|’m) (?:brief(?:ing)? you|be briefing you)\b[^.]*[.]" +
        @"|I have (?:an?|one|two|three|four|several|a few|some|no) (?:short |brief |quick )?(?:announcements?|items?|updates?)(?: to (?:start|begin) with| to make| for you| today)?(?:,? (?:and then|before) [^.]*)?[.]" +
        @"|(?:Before we begin|To begin|First),? (?:an?|one|two|three|four|a few) (?:short |brief )?(?:announcements?|items?)[.]" +
        @"|(?:With that|And with that|Now|So),? (?:I(?:'ll|’ll| will| am happy to| would be happy to|'m happy to|’m happy to)|let me) (?:take|turn to|open the floor to) (?:your |the )?questions?[.]" +
        @"|(?:Today )?[Ww]e are (?:also )?joined (?:today )?by [^.]*[.]" +
        @"|[^.]*\b(?:is|are) (?:also )?(?:with us|joining us)(?: today| this (?:morning|afternoon))? to (?:brief|answer|take|present|speak|talk)\b[^.]*[.]" +
        @"|(?:[\w ]{1,40}, )?the floor is yours[.]"
        // The running of a conference: who speaks when, who leaves, how many questions there is time for.
        + @"|[^.]*\b(?:has|have) to leave us\b[^.]*[.]|Before [^,.]{1,60} (?:speaks|begins|starts|answers), [^.]*[.]"
        + @"|[^.]*\bwill (?:begin|start|open) with (?:short |brief |opening |a few )*(?:statements?|remarks)[.]"
        + @"|We (?:will )?(?:then )?(?:have|take) time for [^.]*questions?[^.]*[.]"
        + @"|(?:(?:the|one|your) )?(?:(?:first|next|last|final|more|other) )?questions?(?:,? please)?[.]"
        + @"|(?:I should|Let me|I would like to|I'd like to|I’d like to|May I) add (?:one|a|just one) (?:more |last )?(?:thing|point|word)[.]"
        + @"|(?:If I may|May I|Let me|Can I) (?:just )?(?:add|say) (?:something|a word|a few words|one thing)(?: here| to that)?[.?]"
        + @"|(?:(?:And )?[Ww]ith that|So|Now),? the floor is (?:now )?open (?:for|to) (?:your )?questions[.]"
        + @"|Let me (?:take|answer) (?:these|those|the|your|both|all|the two|the three) (?:\w+ )?questions (?:together|in turn|one by one|at once)\b[^.]*[.]"
        + @"|If there are no (?:more|further|other) questions\b[^.]*[.]"
        + @"|Good (?:morning|afternoon|evening), \p{Lu}[\w'’-]*(?: \p{Lu}[\w'’-]*)?[.!]|(?:Thank you|Thanks) for having (?:me|us)(?: here| on (?:the|your) (?:programme|program|show))?[.!]"
        + @"|I (?:hereby )?(?:open|declare open) (?:the |this |today's |today’s )?[^.]{0,40}\b(?:press conference|briefing)\b[^.]*[.]|[^.]*\bgive the floor to\b[^.]*[.]"
        + @"|End of (?:the )?(?:transcript|briefing|press conference)[.]|END|ENDS|[#]{3}|-30-"
        // The closing time line: "3:19 P.M. CET".
        + @"|\d{1,2}[:.]\d{2}(?: ?[AaPp]\.?[Mm]\.?)?(?: [A-Z]{2,5})?|(?:CET|CEST|GMT|UTC|EET|EEST|[A-Z][DS]T)"
        // A host seating the room and taking questions in turn: "Please, sit down.", "Let's start with Estovan Public
        // Radio.", "Now the Corvelian side, please.", "One moment.", "I promised two questions to each side."
        + @"|Please,? (?:sit down|be seated|take your seats)[.]|(?:Let's|Let’s|Let us) (?:start|begin) with [^.]{1,60}[.]"
        + @"|Now,? (?:the )?[^.,]{1,40}, please[.]|One moment(?:, please)?[.]|I (?:promised|said|offered) (?:one|two|three|four|a few) questions? [^.]*[.]"
        // An interview's credits close it: "Interview by Jorrit Mael. Reproduced with the permission of the paper."
        + @"|(?:Interview|Interviewed|Transcript|Translation|Translated|Edited|Photos?) by [^.]*[.]|Reproduced (?:with|by|courtesy of) [^.]*[.]" +
        @"|[^.]*\bis (?:also )?here (?:today )?to (?:answer|take) (?:your |the )?questions[^.]*[.]" +
        @"|Next question,? please[.]|Any other questions\?|(?:That|This) concludes [^.]*[.]" +
        @"|(?:That is|That's|That’s) (?:all|it)(?: for (?:today|now|this (?:morning|afternoon))| from me)?[.!]|See you [^.]*[.!]" +
        @"|We have (?:time for )?(?:one|two|three|a few|a couple of|time for one) (?:more|last|final|other) questions?[^.]*[.]" +
        @"|[^.]*\bwill (?:open|begin|start) (?:today's|today’s|this|the) (?:briefing|press conference)\b[^.]*[.]" +
        @"|The next (?:(?:regular|government|weekly|daily) )?(?:briefing|press (?:briefing|conference))[^.]{0,40}? will (?:be held|take place|be) [^.]*[.]" +
        // A greeting with its thanks in any words: "Good morning, everybody, and thanks for getting up so early."
        @"|(?:Good (?:morning|afternoon|evening)|Hello|Hi)(?:,? (?:everyone|everybody|all|ladies and gentlemen|friends|colleagues))?,? and (?:thanks|thank you)(?: all)? for [^.!]{1,80}[.!]" +
        // Announcing how the remarks will run: "Let me say a couple of things up front, and then I'm happy to take a few
        // questions.", "Before your questions, a few words on the schedule and on the tunnel."
        @"|(?:Let me|I(?:'d|’d| would) like to|I want to|I(?:'ll|’ll| will)) (?:say|make|give you) (?:a few|a couple of|two|three|some|one or two|just a few) (?:things|words|points|remarks)(?: (?:up front|first|at the start|to begin with|to start))?(?:,? and then [^.]*)?[.]" +
        @"|(?:Before (?:your |the |we take |I take |taking )?questions,? )?(?:a few|some|two|three|a couple of|just a few) (?:words|remarks|points|things) (?:on|about) [^.]{1,120}[.]" +
        // Not hearing a question: "Sorry, say again?", "Could you repeat the question?"
        @"|(?:(?:Sorry|Pardon|Excuse me),? )?(?:say (?:that )?again|could you (?:repeat|say) (?:that|the question|it)(?: again)?|I didn't (?:hear|catch) (?:that|you|the question))[?.]|(?:Sorry|Pardon)[?]" +
        @"|(?:(?:The|One|A) )?(?:last|final|next) one(?:,? please)?[.]" +
        @"|(?:the|this|today's|today’s) (?:press conference|briefing|conference|interview) is (?:now )?(?:over|closed|finished|at an end)[.]" +
        // A greeting is one whatever follows it in the same short sentence: "Good afternoon, friends from the media.",
        // "Good morning, and a happy New Year to all of you."
        @"|(?:Good (?:morning|afternoon|evening|day)|Hello|Hi)(?:,? (?:and )?[^.!?;:]{1,50})?[.!])$", RegexOptions.IgnoreCase)]
    private static partial Regex Pattern();
}
