using System.Text.RegularExpressions;
using Archive.Extraction.Text;

namespace Archive.Extraction.Readers.QandA;

/// <summary>One speaker's turn in a transcript: its prefix ("Mao Ning"), and its paragraphs after the prefix.</summary>
internal sealed record Turn(string Prefix, Segment PrefixRange, List<Segment> Paragraphs)
{
    public bool IsQuestion { get; set; }
}

/// <summary>Finds turn prefixes ("Mao Ning:", "Q:", "Reuters:") and groups the paragraphs under them.</summary>
internal static partial class Turns
{
    /// <param name="recurring">Labels in capitals and bracketed tags that open several paragraphs (<see cref="RecurringLabels"/>).</param>
    public static bool StartsTurn(string text, Segment paragraph, IReadOnlySet<string> recurring, out string prefix, out Segment prefixRange, out int bodyStart)
    {
        var reach = Math.Min(paragraph.Length, 90);
        var m = Prefix().Match(text, paragraph.Start, reach);
        if (!m.Success) m = DashLabel().Match(text, paragraph.Start, reach);
        if (!m.Success) m = SpacedQuestion().Match(text, paragraph.Start, reach);
        if (!m.Success) m = QualifiedQuestion().Match(text, paragraph.Start, reach);
        if (!m.Success) m = QuestionFrom().Match(text, paragraph.Start, Math.Min(paragraph.Length, 120));
        // "(Prime Minister Vaskel) Thank you …": a bracketed tag names the speaker only where tags recur as labels;
        // once, "(Reuters)" or "(Updated)" opens a paragraph without anyone speaking.
        if (!m.Success && ParenTag().Match(text, paragraph.Start, reach) is { Success: true } tag
            && recurring.Contains(TagKey(tag.Groups["who"].Value)) && !StageTag().IsMatch(tag.Groups["who"].Value))
            m = tag;
        // "Viggo Brandt (Brask North) (Opposition)" standing alone above its words, as parliaments' records print it.
        if (!m.Success && SpeakerLine().Match(text, paragraph.Start, paragraph.Length) is { Success: true } line
            && recurring.Contains(LineKey(line.Groups["who"].Value)))
            m = line;
        // "Clara Voss (00:02:04):": a time code is when, not who; the speaker's turns group by name.
        prefix = m.Success ? TimeCode().Replace(m.Groups["who"].Value.Trim(), "") : "";
        prefixRange = m.Success ? new Segment(m.Groups["who"].Index, m.Groups["who"].Index + m.Groups["who"].Length) : default;
        bodyStart = m.Success ? paragraph.Start + m.Length : paragraph.Start;
        // A speaker's line may stand alone ("Spokesperson Tomas Reyes:"), its words in the paragraphs below.
        return m.Success && (bodyStart < paragraph.End || m.Length == paragraph.Length) && !NotSpeakers().IsMatch(prefix)
            && (!Capitals().IsMatch(prefix) || CapitalTurn().IsMatch(prefix) || recurring.Contains(LabelKey(prefix))
                || (recurring.Contains(CapitalLabels) && prefix.Contains(' ')));
    }

    /// <summary>
    /// "MILO FERRANT, MINISTER OF TRADE AND INDUSTRY:" then "MILO FERRANT:" again and again: a name in capitals that
    /// labels several paragraphs is a speaker, where a dateline ("PORT AVEN:") opens one report once. Likewise
    /// "(Moderator) …", "(Prime Minister Vaskel) …": bracketed tags that open several paragraphs each are labels.
    /// </summary>
    public static IReadOnlySet<string> RecurringLabels(Document document)
    {
        // who each paragraph's label names, matched once for both readings of capitals below
        var labelled = document.Paragraphs
            .Select(p => Prefix().Match(document.Text, p.Start, Math.Min(p.Length, 90)))
            .Where(m => m.Success).Select(m => m.Groups["who"].Value).ToList();
        var capitals = labelled
            .Where(who => Capitals().IsMatch(who.Trim()))
            .GroupBy(who => LabelKey(who.Trim())).Where(g => g.Count() >= 2).Select(g => g.Key);
        var tags = document.Paragraphs
            .Select(p => ParenTag().Match(document.Text, p.Start, Math.Min(p.Length, 90)))
            .Where(m => m.Success && !StageTag().IsMatch(m.Groups["who"].Value))
            .Select(m => TagKey(m.Groups["who"].Value)).ToList();
        // Tags count as labels when at least two recur and they open at least three paragraphs between them.
        var recurringTags = tags.GroupBy(t => t).Where(g => g.Count() >= 2).ToList();
        var labels = recurringTags.Count >= 2 && recurringTags.Sum(g => g.Count()) >= 3 ? tags.Distinct() : [];
        // A transcript that labels at least two speakers in capitals, each more than once, labels everyone so: there a
        // speaker heard once ("ELSA MORN, SHELTER COORDINATOR:") is a label too, whatever their title.
        var capitalKeys = labelled.Select(LabelKey)
            .Where(k => k.Length >= 3 && k.Any(char.IsLetter) && k.All(c => c is ' ' or '.' or '-' || char.IsUpper(c)))
            .GroupBy(k => k).Count(g => g.Count() >= 2);
        var shape = capitalKeys >= 2 ? [CapitalLabels] : Array.Empty<string>();
        return capitals.Concat(labels).Concat(SpeakerLines(document)).Concat(shape).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Marks, among the recurring labels, a document whose speakers are labelled in capitals.</summary>
    public const string CapitalLabels = "⟨capitals⟩";

    /// <summary>
    /// A broadcast's anchor and correspondent ("ANCHOR (SANNA BERG):", "VIKTOR AHL (VOICE-OVER):") narrate the
    /// report; what they say is read as a news report's paragraphs, not as their own statements.
    /// </summary>
    public static bool IsNarrator(string prefix) => Narrator().IsMatch(prefix);

    [GeneratedRegex(@"\b(?:anchor|newsreader|narrator|voice-over|voiceover|V/O|VO|correspondent)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Narrator();

    /// <summary>"ANNA LOWE, KTV ONE HOST:", "Per Ek (moderator):": a label describing its speaker as the one who runs the show.</summary>
    public static bool IsDescribedHost(string prefix) => DescribedHost().IsMatch(prefix);

    [GeneratedRegex(@"[,(\[][^,()\[\]]*\b(?:host|co-host|presenter|moderator|interviewer)\b", RegexOptions.IgnoreCase)]
    private static partial Regex DescribedHost();

    /// <summary>
    /// "I: Dr Anna Weiss, Chief Veterinary Officer; and …" above a committee's questions: a roman numeral labelling one
    /// paragraph numbers a panel of witnesses; an interviewer's "I:" labels turn after turn.
    /// </summary>
    public static bool IsPanelNumber(string prefix, IReadOnlyList<Turn> turns) =>
        PanelNumber().IsMatch(prefix) && turns.Count(t => t.Prefix == prefix) == 1;

    [GeneratedRegex(@"^(?:I{1,3}|IV|V|VI{1,3}|IX|X)$")]
    private static partial Regex PanelNumber();

    /// <summary>"UNIDENTIFIED MAN:", "Unnamed woman:": a voice the report does not name is no one's statement of record.</summary>
    public static bool IsUnnamed(string prefix) => Unnamed().IsMatch(prefix);

    [GeneratedRegex(@"^(?:unidentified|unnamed|anonymous)\b|^(?:man|woman|voice|speaker|resident|passer-by)(?: \d+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex Unnamed();

    /// <summary>
    /// Names standing alone on a line above a paragraph of speech, where at least three such lines stand, one name
    /// returns and at least two lines describe their speaker in brackets (an office's holder, a member's seat and
    /// party): a verbatim record's speakers. A report's crossheads ("Border Trade") describe no one.
    /// </summary>
    private static IEnumerable<string> SpeakerLines(Document document)
    {
        var text = document.Text;
        var lines = new List<string>();
        var described = 0;
        for (var i = 0; i + 1 < document.Paragraphs.Count; i++)
        {
            var paragraph = document.Paragraphs[i];
            var next = document.Paragraphs[i + 1];
            if (SpeakerLine().Match(text, paragraph.Start, paragraph.Length) is { Success: true } m && text[next.End - 1] is '.' or '?' or '!' or '”' or '"')
            {
                lines.Add(LineKey(m.Groups["who"].Value));
                if (text[paragraph.End - 1] == ')') described++;
            }
        }
        return lines.Count >= 3 && described >= 2 && lines.GroupBy(l => l).Any(g => g.Count() >= 2) ? lines.Distinct() : [];
    }

    private static string LineKey(string name) => "¶" + name.Trim();

    // "The Minister of Digital Affairs (Beatrix Holm)": an office with its holder's name; "Viggo Brandt (Brask North)
    // (Opposition)": a name with constituency and party; "Beatrix Holm": the name alone. The whole line, nothing after.
    [GeneratedRegex(@"\G(?:(?:The|the) [A-Z][^()\n:]{2,60}? \((?<who>\p{Lu}[\w.'’-]+(?: \p{Lu}[\w.'’-]+){1,3})\)|(?<who>\p{Lu}[\w'’-]+(?: (?:\p{Lu}[\w.'’-]*|of|de|van|von|bin|al)){1,4})(?: \([^()\n]{1,60}\)){0,2})$")]
    private static partial Regex SpeakerLine();

    private static string LabelKey(string prefix) => prefix.Split(',', '(', '[')[0].Trim();

    private static string TagKey(string tag) => "(" + tag.Trim() + ")";

    // "(Prime Minister Vaskel) …", "(Reporter) …", "(Moderator) …": a bracketed name or role before the words.
    [GeneratedRegex(@"\G\((?<who>(?:\p{Lu}[\w.'’-]*|\p{Lo}+)(?:[ ](?:\p{Lu}[\w.'’&-]*|of|the|de|al|bin|\p{Lo}+)){0,6})\)[ ]+(?=\S)")]
    private static partial Regex ParenTag();

    // "(Inaudible) …", "(Crosstalk) …", "(Laughter) …": the transcriber's notes, not speakers.
    [GeneratedRegex(@"^(?:Inaudible|Unintelligible|Crosstalk|Cross-talk|Laughter|Laughs|Applause|Pause|Silence|Interpretation|Translation|Translated|Off mic|Off-mic|Unclear|Break|Continued|Updated|Update|Reuters|AP|AFP)$", RegexOptions.IgnoreCase)]
    private static partial Regex StageTag();

    /// <summary>Paragraphs before the first turn are the header; the rest belong to the turn they follow.</summary>
    /// <param name="recurring">The document's <see cref="RecurringLabels"/>, found once for shape detection and parsing.</param>
    public static (List<Segment> Header, List<Turn> Turns) Parse(Document document, IReadOnlySet<string> recurring)
    {
        var header = new List<Segment>();
        var turns = new List<Turn>();
        foreach (var paragraph in document.Paragraphs)
        {
            var text = document.Text;
            if (StartsTurn(text, paragraph, recurring, out var prefix, out var prefixRange, out var bodyStart)
                && !(turns.Count == 0 && bodyStart < paragraph.End && (IsHeaderLine(text, Document.Trim(text, bodyStart, paragraph.End)) || IsTitle(document, paragraph))))
                turns.Add(new Turn(prefix, prefixRange, bodyStart < paragraph.End ? [Document.Trim(text, bodyStart, paragraph.End)] : []));
            else if (turns.Count == 0) header.Add(paragraph);
            else turns[^1].Paragraphs.Add(paragraph);
        }
        return (header, turns);
    }

    // "Spokesperson: Tomas Reyes" above the first turn names who briefs; it is the header, not a turn.
    // "Briefers: Spokesperson Mei Tanaka; Foreign Minister Elena Sorel" lists several, joined by ';', ',' or 'and'.
    private static bool IsHeaderLine(string text, Segment body) =>
        QuoteRegion.WordCount(text, body) <= 12 && text[body.End - 1] is not ('.' or '!' or '?' or '…' or '"' or '”')
        && text[body.Start..body.End].Split([' ', ';', ','], StringSplitOptions.RemoveEmptyEntries)
            .All(w => char.IsUpper(w[0]) || w is "and" or "of" or "the" or "&")
        && (QuoteRegion.WordCount(text, body) <= 5 || text.AsSpan(body.Start, body.Length).IndexOfAny(';', ',') >= 0);

    // "Sunday Edition: Defence Minister Rasmus Okell interview transcript": the document's first line, with no closing
    // mark, is its title even when a colon sets off the programme's name.
    private static bool IsTitle(Document document, Segment paragraph) =>
        paragraph.Start == document.Paragraphs[0].Start && !paragraph.Equals(document.Paragraphs[^1])
        && document.Text[paragraph.End - 1] is not ('.' or '!' or '?' or '…' or '"' or '”' or ':');

    [GeneratedRegex(@"\s*[(\[]\d{1,2}:\d{2}(?::\d{2})?[)\]]$")]
    private static partial Regex TimeCode();

    public static bool IsQuestionPrefix(string prefix) => QuestionPrefix().IsMatch(Outlet().Replace(prefix, ""));

    /// <summary>"A:" answers for whoever the header names as briefing.</summary>
    public static bool IsAnswerPrefix(string prefix) => AnswerPrefix().IsMatch(Outlet().Replace(prefix, ""));

    [GeneratedRegex(@"^(?:A\d*|Answer|Response|Reply)$", RegexOptions.IgnoreCase)]
    private static partial Regex AnswerPrefix();

    [GeneratedRegex(@"\s*\([^()]*\)$|\s*\[[^\[\]]*\]$|,[ ].*$")]
    private static partial Regex Outlet();

    /// <summary>
    /// "Moderator: E. Kolářová, Head of the Press Service." (also "Chair:", "Host:", "Moderated by …") above the turns
    /// names who runs the conference; that person's own turns ("E. Kolářová: Last question, please.") give the floor
    /// and say nothing of record, as a turn labelled "Moderator:" would.
    /// </summary>
    public static IReadOnlySet<string> NamedModerators(Document document, IReadOnlyList<Turn> turns)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var text = document.Text;
        var firstAnswer = turns.FirstOrDefault(t => !t.IsQuestion && !IsInterpreter(t.Prefix));
        foreach (var paragraph in document.Paragraphs)
        {
            if (firstAnswer is not null && paragraph.Start >= firstAnswer.PrefixRange.Start) break;
            if (ModeratorLine().Match(text, paragraph.Start, paragraph.Length) is { Success: true } m) names.Add(m.Groups["name"].Value.Trim());
        }
        // Named as moderator but answering for no one else: only names that label turns of their own count.
        // "Presenter: Ulla Brink" above "ULLA BRINK: …": the header names in ordinary case whom the labels print in capitals.
        var labels = turns.Select(t => Bare(t.Prefix)).ToHashSet(StringComparer.Ordinal);
        return labels.Where(l => names.Contains(l, StringComparer.OrdinalIgnoreCase)).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>A label without its outlet or description ("E. Kolářová, Head of the Press Service" → "E. Kolářová").</summary>
    public static string Bare(string prefix) => Outlet().Replace(prefix, "").Trim();

    [GeneratedRegex(@"\G(?:Moderator|Moderated by|Chair|Chaired by|Chairperson|Host|Hosted by|Presenter)\s*[:：]?\s+(?<name>(?:\p{Lu}\.[ ]?){0,3}\p{Lu}[\w'’-]+(?:[ ](?:\p{Lu}[\w.'’-]*|de|van|von)){0,3})(?=,|\.?$|[ ]\(|\.?\r?\n)")]
    private static partial Regex ModeratorLine();

    /// <summary>An interpreter's or a chair's line ("INTERPRETER: Excuse me, …") runs the conference; it says nothing of record.</summary>
    public static bool IsInterpreter(string prefix) => Interpreter().IsMatch(prefix);

    // "Chair Wendt: I open the government press conference …", "Moderator (Anna Holm):": whoever chairs gives the floor;
    // so do a parliament's Speaker and the members' "Hear, hear".
    [GeneratedRegex(@"^(?:the )?interpreter$|^(?:the )?(?:chair|chairman|chairwoman|chairperson|moderator|host|presenter|master of ceremonies|staff)\b|^(?:several |some )?hon\.? members$|^members$|^(?:the |madam |mr\.? )?(?:deputy )?speaker$", RegexOptions.IgnoreCase)]
    private static partial Regex Interpreter();

    // "Lena Brook (Port Aven Post):", "Q (Reuters):" and "Q [Reuters]:" name the asker's outlet in brackets, "Anna Weiss,
    // Selva Herald:" after a comma. A time stamp may stand before the label ("[15:03] THE PRIME MINISTER:").
    [GeneratedRegex(@"\G(?:\[\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\][ ]?)?(?<who>(?:(?:\p{Lu}[\w.'’-]*|\p{Lo}+)(?:[ ](?:\p{Lu}[\w.'’&-]*|of|the|de|al|bin|\p{Lo}+)){0,6}|Q\d*)(?:[ ]?\([^()\n]{1,60}\)|[ ]?\[[^\[\]\n]{1,60}\]|(?:,[ ]\p{Lu}[\w.'’&-]*(?:[ ](?:\p{Lu}[\w.'’&-]*|of|the)){0,4}){1,2}(?:[ ]\([^()\n]{1,30}\))?)?)\s*[:：]\s*")]
    private static partial Regex Prefix();

    // "Q – (Ostmere Courier) Will …" and "A – The Minister will …": short question and answer labels set off by a dash
    // instead of a colon, the asker's outlet after the dash. Only these labels: a name before a dash is a dateline.
    [GeneratedRegex(@"\G(?<who>Q\d*|A\d*|Question|Answer)(?:[ ]+[–—-][ ]+|[ ]*[–—][ ]*)(?:\([^()\n]{1,60}\)[ ]*)?(?=\S)")]
    private static partial Regex DashLabel();

    // "Q    Thank you, Madam President.": a bare Q set off by spaces or a tab, as official transcripts print it.
    [GeneratedRegex(@"\G(?<who>Q)(?:[ ]{2,}|\t)(?=\S)")]
    private static partial Regex SpacedQuestion();

    // "Additional question (Emmet):", "Supplementary question:": a question label whose second word is not capitalised.
    [GeneratedRegex(@"\G(?<who>(?:Additional|Further|Supplementary|Follow-up|Final|Last|Next) question(?:[ ]?\([^()\n]{1,60}\))?)\s*[:：]\s*")]
    private static partial Regex QualifiedQuestion();

    // "Question from the Selva Herald:", "Question by Anna Weiss (Port Aven Post):", "Q from Reuters:": written answers
    // and official records name who asked after "from" or "by", in whatever words the outlet's name takes.
    [GeneratedRegex(@"\G(?<who>(?:Question|Q\d*|Follow-up question) (?:from|by) [^:：\n?]{2,90}?)\s*[:：]\s*")]
    private static partial Regex QuestionFrom();

    [GeneratedRegex(@"^(?:(?:Question|Q\d*|Follow-up question) (?:from|by) .+|(?:Additional|Further|Supplementary|Follow-up|Final|Last|Next) question(?: \p{Lu}[\w.'’-]*){0,3}|Question(?: \p{Lu}[\w.'’-]*){1,3}|Q\d*|Question|Journalist|Reporter|Correspondent|Follow-up|Audience|Moderator)$", RegexOptions.IgnoreCase)]
    private static partial Regex QuestionPrefix();

    // Headings and datelines also end in a colon but nobody speaks there; nor does a topic the speaker turns to ("On the
    // Pellam Tunnel: the cabinet discussed …"), a phrase opening with a preposition, which no name does.
    [GeneratedRegex(@"^(?:Note|Notes|Date|Time|Venue|Location|Source|Update|Updated|Editor's note|Transcript|Attendance|Topics|Agenda|Subject|Re|Published|Posted|Speakers|Participants|Present|Subjects|Topics covered|Taking part)$|^(?:On|About|Regarding|Concerning|As for|As to|Turning to|Finally|Firstly|Secondly|Lastly)\b", RegexOptions.IgnoreCase)]
    private static partial Regex NotSpeakers();

    // "BEIJING:" is a dateline; "AFP:" is an outlet asking, so short all-capital prefixes of two to four letters stay.
    [GeneratedRegex(@"^[A-Z]{5,}(?:[ ,][A-Z]{2,})*$|^[A-Z]{2,} [A-Z]{2,}")]
    private static partial Regex Capitals();

    // Transcripts set in capitals ("MS TANAKA:", "FOREIGN MINISTER SOREL:", "QUESTION:", "HEDVIG SORN, MANAGING
    // DIRECTOR, KESSA STEELWORKS:") name a title or the asker, which no dateline does.
    [GeneratedRegex(@"^(?:(?:ADDITIONAL|FURTHER|SUPPLEMENTARY|FOLLOW-UP|FINAL) QUESTION\b|MR|MS|MRS|DR|PROF|SIR|AMBASSADOR|SPOKESPERSON|SPOKESMAN|SPOKESWOMAN|MINISTER|SECRETARY|UNDER SECRETARY|DEPUTY|MODERATOR|INTERPRETER|QUESTION|PARTICIPANT|JOURNALIST|REPORTER|PRESIDENT|PRIME MINISTER|CHANCELLOR|PREMIER|KING|QUEEN|GOVERNOR|SENATOR|MAYOR|CHAIR|HOST|STAFF|ADMIRAL|GENERAL|COLONEL|CAPTAIN|COMMANDER|BRIGADIER|MAJOR|LIEUTENANT|ADM|GEN|COL|CAPT|CMDR|LT)\b\.?|^(?:[A-Z]+ ){1,3}(?:MINISTER|SPOKESPERSON|SPOKESMAN|SPOKESWOMAN|SECRETARY|AMBASSADOR|PRESIDENT|ADMIRAL|GENERAL|COMMANDER)\b|^(?:[A-Z]+ ){1,3}[A-Z]+, (?:[A-Z]+ )*(?:MINISTER|DIRECTOR|SPOKESPERSON|SPOKESMAN|SPOKESWOMAN|SECRETARY|AMBASSADOR|PRESIDENT|CHAIR|CHAIRMAN|CHAIRWOMAN|GOVERNOR|MAYOR|CHIEF|HEAD|LEADER)\b")]
    private static partial Regex CapitalTurn();
}
