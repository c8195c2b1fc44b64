using System.Text.RegularExpressions;

namespace Archive.Extraction.Readers;

/// <summary>The words that introduce speech, and the words that may stand between a subject and its verb.</summary>
internal static partial class Lexicon
{
    private const string Speech =
        "said|says|say|added|adds|noted|notes|stressed|stresses|emphasi[sz]ed|emphasi[sz]es|underlined|underlines|underscored|underscores|" +
        "highlighted|highlights|stated|states|told|tells|remarked|pointed out|points out|reiterated|reiterates|reaffirmed|reaffirms|" +
        "affirmed|insisted|insists|warned|warns|urged|urges|called for|calls for|called on|calls on|expressed|expresses|announced|" +
        "asserted|argued|argues|explained|explains|acknowledged|acknowledges|claimed|claims|confirmed|confirms|declared|maintained|" +
        "observed|pledged|pledges|promised|vowed|vows|welcomed|welcomes|thanked|(?<!\\b(?:our|my|his|her|their|its|your|the|many) )thanks|hoped|hopes|believes|believed|assured|" +
        "condemned|condemns|denied|denies|described|recalled|replied|responded|commented|suggested|proposed|admitted|commended|" +
        "voiced|wrote|writes|agreed|agree|appreciated|appreciates|recogni[sz]ed|congratulated|reassured|rejected|rejects|dismissed|" +
        "critici[sz]ed|praised|hailed|lauded|calling for|went on to say|made clear|made it clear|" +
        // "Minister Brenner put it very well last week: “…”" gives the quotation that follows as his words.
        "put it (?:very |so |rather |quite )?(?:well|best|clearly|simply|plainly|this way)|" +
        // Verbs that take a position rather than report words: "defended the tariffs", "called the tariffs discriminatory".
        "defended|defends|accused|accuses|blamed|blames|questioned|disputed|backed|endorsed|ruled out|rules out|demanded|" +
        "demands|complained|conceded|predicted|cautioned|signall?ed|indicated|revealed|disclosed|repeated|protested|" +
        // A readout's "conveyed the condolences of …" and "undertook to look into …" are what the minister said; "we
        // conveyed our concern" in an answer stays the answerer's own words.
        "conveyed (?:the|his|her|their) (?:condolences|greetings|congratulations|wishes|message|invitation)|undertook to|undertakes to|" +
        "objected|appealed|asked for|informed (?:her|his|their) colleagues|offered(?: on \\w+day)? to|informed us|informed me|informed our|informed the|informs us|notified us|notified our|notified the|(?<!so-)called|(?<!so-|\\b(?:the|many|several|repeated|growing|recent|new|his|her|their|its|our|[a-z]+ed) )calls|reminded|clarified|spoke of|argued that|" +
        // A readout tells what one leader told the other: "informed him that …", "set out the
        // difficulties faced by …".
        @"informed (?:him|her|them|(?:the |his |her |their )?(?:\p{Lu}[\w'’-]+ ){0,3}\p{Lu}[\w'’-]+|(?:the|his|her|their) (?:counterpart|colleague|guest|host)s?) (?:that|of)\b|" +
        @"set out (?:the|his|her|their|its|our) (?:difficulties|concerns|position|views?|case|priorities|plans?|proposals?|expectations)\b|" +
        // Raising a case is taking it up with the other side: "The Kestrian side raised the case of the detained crew".
        @"raised (?:the|its|his|her|their|our) (?:case|issue|matter|question|concerns?)\b";

    private const string JointOnly =
        "will|would|shall|are ready|were ready|are willing|were willing|decided|opposed|oppose|supported|support|" +
        "reviewed|look forward|looked forward|shared the view|share the view|committed|firmly opposed|jointly|resolved|vowed|" +
        "emphasized|expressed|recognized|welcomed|condemned|reaffirmed|reiterated|" +
        // What two parties tell their own services to do, or take note of, is their joint position.
        "instructed|tasked|took note|take note|takes note|" +
        // A joint statement in the first person plural: "We welcome …", "We are convinced that …".
        @"(?<=\b[Ww]e (?:also |further |fully |strongly |firmly |therefore )?)(?:welcome|underline|underscore|stress|emphasi[sz]e|reaffirm|reiterate|note|regard|consider|believe|" +
        @"are convinced|are determined|remain committed|recogni[sz]e|condemn|urge|call on|call for|express|affirm|share|look forward|have agreed|have decided)";

    [GeneratedRegex(@"\b(?:" + Speech + @")\b")]
    public static partial Regex SpeechVerb();

    [GeneratedRegex(@"\b(?:" + Speech + "|" + JointOnly + @")\b")]
    public static partial Regex AnyVerb();

    // Stripped from the end of a subject: "Prime Minister Shehbaz Sharif also repeatedly (stated)".
    [GeneratedRegex(@"(?:[\s,]+(?:has|have|had|did|do|does|also|already|still|now|just|further|again|once again|repeatedly|firmly|fully|strongly|jointly|unanimously|clearly|publicly|earlier|recently|later|today|yesterday|on (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|in turn|on (?:its|his|her|their) part|for (?:its|his|her|their) part|too|then|both|each|all|reportedly|separately|previously|formally|officially|subsequently|specifically|particularly|in particular))+[\s,]*$|[\s,]+$")]
    public static partial Regex TrailingModifiers();

    // An opening phrase that is not part of the subject: "During his visit, …", "Moreover, …", "On Monday, …", and a
    // clause about the place it names: "In Brask, where the crew still live on board, the mayor, Tove Lindahl, said …".
    [GeneratedRegex(@"^(?:(?:During|In|On|At|Under|Moreover|However|Meanwhile|Earlier|Later|Separately|Additionally|Also|Furthermore|Speaking|Addressing|Responding|After|Before|While|When|As|Last|This|Besides|Finally|First|Firstly|Secondly|Thirdly|Then|Still|Yet|But|And|Meanwhile|Likewise|Similarly|Specifically|In addition|For (?:its|his|her|their) part|Asked|Pressed|Put to (?:him|her|them)|\p{Lu}[a-z]+ing|where|when)\b[^,]*,\s*)+")]
    public static partial Regex LeadingAdverbial();

    // "announced", "notified the": verbs that may tell of an act ("announced an exercise") rather than pass on words.
    [GeneratedRegex(@"\b(?:announced|announces|notified(?: the)?|notifies(?: the)?)$")]
    public static partial Regex AnnouncedAct();

    // The object of such a verb, a noun phrase: "an air-defence exercise", "the exercise to us", "its plans".
    [GeneratedRegex(@"^\s*(?:a|an|the|its|their|his|her|new|plans|a new)\b")]
    public static partial Regex Determiner();

    /// <summary>"Asked whether …, Vik said": a sentence opening with the question put to its speaker.</summary>
    public static bool OpensWithQuestion(string sentence) =>
        sentence.StartsWith("Asked ", StringComparison.Ordinal) || sentence.StartsWith("Pressed ", StringComparison.Ordinal)
        || sentence.StartsWith("Put to ", StringComparison.Ordinal);

    [GeneratedRegex(@"^\s*(?:that|on \w+ that|in a statement that|to reporters that|reporters that|journalists that)\b\s*|^\s*[,:]\s*")]
    public static partial Regex Complementiser();

    [GeneratedRegex(@"^(?:I|We) (?:would|should|must|can|will|might|want to|wish to) (?:also )?(?:add|say|note|stress|mention|recall|point out|remind you) that\s+")]
    public static partial Regex OwnLeadIn();

    // A relative or temporal clause whose subject speaks: "…, where Valdoria's trade minister Jonas Vik has called for".
    [GeneratedRegex(@"^.*,\s+(?:where|when|at which|during which|while)\s+")]
    public static partial Regex RelativeClause();

    // Between a speech verb and the quotation it gives: only the words about the saying ("in her message on Sunday,").
    [GeneratedRegex(@"^(?:\s+(?:in|on|at|to|during|after|before|last|this|earlier|yesterday|today|her|his|their|its|our|a|an|the|[A-Z]\w*|[a-z]+day|morning|evening|night|week|message|speech|letter|statement|interview|address|remarks|call|meeting|reporters|journalists|us|me|parliament))*\s*[,:]?\s*$")]
    public static partial Regex QuoteFollows();

    [GeneratedRegex(@"^(?:thanked|thanks|welcomed|welcomes|rejected|rejects|condemned|condemns|denied|denies|praised|criticised|criticized|backed|endorsed|defended|opposed)$")]
    public static partial Regex PositionVerb();

    [GeneratedRegex(@"\G(?:(?!\s+that\b)[^,;:“”""])*")]
    public static partial Regex PositionObject();

    // Coordinated clauses before a verb: "Orland accepted the new fees for containers, and we (agreed)".
    [GeneratedRegex(@"^.*(?:,\s+(?:and|but)|;)\s+")]
    public static partial Regex Coordination();

    // ", who drove across the new bridge in the morning," or ", which had taken the dispute to the council," between a
    // subject and its verb; also an indefinite apposition: "Lena Stavik, a hydrologist at the University of Selm,".
    [GeneratedRegex(@",\s+(?:who|which|an?)\s+[^,;“”""]{1,120},\s*$")]
    public static partial Regex DescribingClause();

    // ", while Teravia said …": a second clause set against the first.
    [GeneratedRegex(@",\s+(?:while|whereas)\s+")]
    public static partial Regex Contrast();

    [GeneratedRegex(@"\b(?:with|under|and) the (?:words|message|caption|comment)\b[^\p{L}\p{N}]*$")]
    public static partial Regex WithTheWords();

    [GeneratedRegex(@",\s+saying\b(?:\s+that\b)?\s*")]
    public static partial Regex Saying();

    // The first past-tense verb of a clause, which ends its subject: "Kestria's government on Monday defended".
    [GeneratedRegex(@"\b(?:(?:has|have|had) )?(?:[a-z]{3,}ed|made|gave|took|held|struck|spoke|sent|kept|set|put|hit|cut|led|met|won|lost|rose|fell|went|came|began|brought|sought|stood|told|wrote|drew|chose|broke|laid|paid|sold|spent|left|shut)\b")]
    public static partial Regex PastVerb();

    [GeneratedRegex(@"\G(?:\s+[^\s.;:“”""]+){0,8}?\s+that\b")]
    public static partial Regex WordsBeforeThat();

    [GeneratedRegex(@"\G(?:\s+\S+){1,3}")]
    public static partial Regex ThreeWords();

    // ", the ambassador said on Saturday, describing …", ", Brenner said yesterday after meeting …" and ", said Paul
    // Andersen, who led …" closing a sentence; also ", said Aurelia Penn, a professor of maritime law, whether …", the
    // attribution set inside the sentence with an indefinite apposition.
    [GeneratedRegex(@",[”""]?\s+(?:(?<subj>(?:the |a |an )?[A-Za-z][^,;:“”""]{1,60}?)\s+(?:has |have |had |also )?(?:said|says|added|told reporters|told journalists|noted|stressed)(?:\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|last week|earlier|later|in a statement))?|(?:said|added)\s+(?<subj2>[A-Z][^,;:“”""]{1,60}?),\s+an?\s+[^,;:“”""]{1,80},\s+[a-z].*|(?:said|added)\s+(?<subj2>[A-Z][^,;:“”""]{1,60}?))\s*(?:,?\s+(?:(?:hours|days|weeks|months|shortly|soon|a day|a week) (?:after|before)|[a-z]+ing|who|which|after|before|at|in|during|while|when|following|as|to|from)\b.*|,\s+(?:and|but)\s+(?:will|would|could|should|might|may|had|has|have|was|were|is|are)\b.*)?[.!?]?[”""]?$")]
    public static partial Regex TrailingAttribution();

    // Appended after a quote: "…,” Lin Jian said" or "…,” said Lin Jian".
    [GeneratedRegex(@"^[\s,.]*(?<subj>[^“”""\n]{1,80}?)\s+(?<verb>" + Speech + @")\b")]
    public static partial Regex SubjectThenVerb();

    [GeneratedRegex(@"^[\s,]*(?<verb>said|says|added|adds|noted|notes|stressed|stresses|asked|asks|continued|continues|explained|explains|argued|argues|insisted|insists|warned|warns|recalled|recalls|wrote|writes)\s+(?<subj>[^,.;“”""\n]{2,80})")]
    public static partial Regex VerbThenSubject();
}
