/**
 * What makes a sentence a checkable claim, as transparent features with weights. Each
 * feature that fires adds its weight to the sentence's score and, when positive, its plain
 * description to the evidence shown to the writer.
 */
export interface ClaimFeature {
  id: string;
  weight: number;
  /** Words for the writer ("gives a statistic"); empty for features that lower the score. */
  evidence: string;
}

export interface ClaimWordLists {
  reportingVerbs: readonly string[];
  hedges: readonly string[];
}

const MONTH =
  '(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.|Feb\\.|Mar\\.|Apr\\.|Aug\\.|Sept?\\.|Oct\\.|Nov\\.|Dec\\.)';
const DATE = new RegExp(
  `\\b${MONTH}\\s+\\d{1,2}\\b|\\b\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH}|\\b${MONTH}\\s+(?:of\\s+)?(?:1[89]|20)\\d{2}\\b|\\b(?:in|since|by|until|from|between|during|of|early|late|mid-?)\\s+(?:1[89]|20)\\d{2}s?\\b|\\b(?:1[89]|20)\\d{2}[-–](?:1[89]|20)?\\d{2}\\b|\\b(?:yesterday|last (?:week|month|year)|this (?:week|month|year))\\b`,
  'i',
);
const YEAR_ALONE = /\b(?:1[89]|20)\d{2}\b/;
const STATISTIC =
  /\d\s*(?:%|percent\b|per cent\b|percentage points?\b)|[$€£¥]\s?\d|(?<![\d,.])\d[\d,.]*\s*(?:million|billion|trillion|thousand|hundred)\b|\b(?:million|billion|trillion)s?\b|\b(?:half|a third|a quarter|two-thirds|three-quarters|one in (?:\w+))\b/i;
const NUMBER =
  /(?<![\w.])\d[\d,.]*(?![\w])|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|dozens?|hundreds|thousands|millions)\b/i;
/** A quoted span: an opening mark, then text up to the closing one (no other opening mark between, so a mark left open costs nothing). */
const QUOTED = /[“"][^“”"]*[”"]/g;
const DEFAULT_REPORTING = [
  // Not "states" or "reports": in policy writing they are mostly nouns ("several states").
  'said',
  'says',
  'stated',
  'announced',
  'confirmed',
  'reported',
  'urged',
  'warned',
  'declared',
  'denounced',
  'noted',
  'told',
  'claimed',
  'acknowledged',
  'estimated',
  'testified',
  'pledged',
  'promised',
  'vowed',
  'insisted',
  'admitted',
  'revealed',
  'disclosed',
  'condemned',
  'accused',
  'described',
  'called for',
  'according to',
  'expressed',
  'voiced',
  'asserted',
];
const ACTION =
  /\b(?:signed|deployed|launched|voted|adopted|approved|passed|imposed|ratified|invaded|attacked|killed|arrested|sent|agreed|withdrew|banned|published|released|issued|established|created|founded|elected|appointed|resigned|introduced|enacted|vetoed|closed|opened|sanctioned|suspended|expelled|captured|seized|destroyed|fired|launched|conducted|held|met|visited|spent|allocated|awarded|received|sold|bought|acquired|joined|left|lost|won|collapsed|struck|hit|began|ended|started|vetoed|proposed|denied|saved|cut|raised|lowered|cost|paid|built|spent|lost|gained|reduced|tripled|provided|invested|borrowed)\b/i;
const TREND =
  /\b(?:rose|risen|rising|fell|fallen|falling|doubled|tripled|halved|increased|increases|increasing|decreased|decreases|declined|declines|declining|grew|grown|growing|dropped|surged|soared|plunged|climbed|shrank|expanded|contracted|reached|exceeded|outnumber(?:ed|s)?)\b/i;
const STUDY =
  /\b(?:study|studies|survey(?:ed|s)?|research(?:ers)?|analysis|analyses|report(?:ed|s)?|findings?|found that|data (?:show|suggest|indicate)|evidence|poll(?:s|ed)?|census|assessment|intelligence|statistics|estimates?|experts?|scientists?|economists?)\b/i;
const LEGAL =
  /\b(?:treaty|treaties|resolutions?|law|laws|act of|statute|charter|convention|constitution|court|ruled|ruling|requires|required|prohibits|prohibited|violat(?:es|ed|ion|ions)|sanctions|article \d+|section \d+|regulations?|directive|agreement|accord|protocol)\b/i;
const COMPARATIVE =
  /\b(?:more than|less than|fewer than|at least|as many as|up to|largest|biggest|highest|lowest|smallest|most|least|fastest|record|first time|for the first time|only (?:country|nation|state))\b/i;
const GENERALISATION =
  /\b(?:studies (?:show|have shown|suggest)|research (?:shows|has shown|suggests)|experts (?:agree|say|warn)|it is (?:well )?(?:known|documented|established) that|most (?:agencies|countries|states|governments|people|americans|experts|economists)|widely (?:reported|recognized|acknowledged)|(?:is|are|was|were|has been|have been) (?:usually|typically|generally|largely|widely|commonly|rarely|seldom|mostly|frequently|routinely|increasingly) (?:due|caused|ignored|used|seen|treated|found|considered|regarded|known|accepted|adopted|overlooked|neglected|associated|driven|linked)|(?:tend|tends|tended) to)\b/i;
const WANTS = /\b(?:wants|seeks|aims|intends|plans|believes|opposes|supports|rejects|fears|hopes|is seeking|is pursuing|is trying)\b/i;
const DEFAULT_HEDGES = [
  'might',
  'could',
  'may',
  'would',
  'possibly',
  'perhaps',
  'potentially',
  'probably',
  'appears to',
  'appear to',
  'seems to',
  'seem to',
  'likely',
  'unlikely',
  'arguably',
  'conceivably',
  'if',
];
const RECOMMENDATION =
  /\b(?:should|must|ought to|needs? to|have to|has to|shall|it is (?:vital|crucial|essential|important|necessary|imperative|critical|key)|is (?:vital|crucial|essential|imperative|critical|key)\b|are (?:vital|crucial|essential|imperative|critical)\b|(?:we|i) (?:recommend|propose|suggest|urge)|recommend(?:ed|s)? that|it is recommended|priorit(?:y|ies|ize)|would help|would be)\b/i;
const ROADMAP =
  /\b(?:in this (?:article|brief|paper|report|memo|section|chapter|analysis)|this (?:article|brief|paper|memo|section|chapter) (?:examines|discusses|explores|argues|describes|outlines|presents|proposes|considers|concludes)|(?:i|we) (?:examine|discuss|explore|argue|describe|outline|present|propose|consider|conclude|believe|think|analy[sz]e|focus|turn|review)|(?:below|above|as follows|the following)\b|(?:first|second|third|finally|in conclusion|to conclude|in sum|in summary)[,:])/i;
// Case matters: "US" is a country, "us" a first person.
// "i’m" and "i haven’t": some writers keep the first person in lower case; "me" too.
const FIRST_PERSON = /\b(?:I|[Ww]e|[Oo]ur|us|[Mm]y|me)\b|(?:^|\s)i(?=\s|['’]|&#8217;)/;
const QUESTION = /\?(?:[\s”"’')\]]|\[\^[^[\]]*\])*$/;

const ACRONYM = /\b[A-Z]{2,}(?:s)?\b/;

/** Whether the sentence quotes someone at some length: a quoted span with at least three words after its first. */
function quotesFourWords(sentence: string): boolean {
  for (const [span] of sentence.matchAll(QUOTED)) {
    if (span.slice(1, -1).trimEnd().split(/\s+/).length - 1 >= 3) return true;
  }
  return false;
}

function wordList(words: readonly string[]): RegExp {
  const escaped = words
    .map((w) => w.trim().toLowerCase())
    .filter(Boolean)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+'));
  return new RegExp(`\\b(?:${escaped.join('|') || '(?!)'})\\b`, 'i');
}

/** Capitalised words that are not names: pronouns, articles, months, days. */
const NOT_NAMES =
  /^(?:I|I'm|I've|The|A|An|This|That|These|Those|It|In|On|At|For|But|And|Or|However|January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)[,.;:]?$/;

const CAPITALISED = /^\p{Lu}\p{Ll}[\p{L}'’-]*/u;
// Compiled once: every sentence of a brief is scored with them.
const MONTHS_ANYWHERE = new RegExp(MONTH, 'g');
const YEARS_ALONE = new RegExp(YEAR_ALONE.source, 'g');

/** JavaScript's `\s`: what separates words. */
function isSpace(code: number): boolean {
  if (code < 128) return code === 32 || (code >= 9 && code <= 13);
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** Quotation marks and brackets (“ ” " ' ’ ( ) [ ]), which stand around a name without being part of it. */
function isAroundName(code: number): boolean {
  return code === 0x201c || code === 0x201d || code === 34 || code === 39 || code === 0x2019 || code === 40 || code === 41 || code === 91 || code === 93;
}

/**
 * In one pass: the sentence's words (runs between spaces), and its capitalised words that are not
 * its first word, read with quotation marks and brackets as spaces: names of people, places,
 * organisations. Acronyms count once, as one name.
 */
function wordsAndNames(sentence: string): { words: number; named: number } {
  let words = 0;
  let named = 0;
  let first = true;
  let word = -1;
  let afterSpace = true;
  for (let i = 0; i <= sentence.length; i++) {
    const code = i < sentence.length ? sentence.charCodeAt(i) : 32;
    const space = isSpace(code);
    if (!space && afterSpace) words++;
    afterSpace = space;
    if (space || isAroundName(code)) {
      if (word >= 0) {
        if (first) first = false;
        else if (isName(sentence.slice(word, i))) named++;
        word = -1;
      }
    } else if (word < 0) word = i;
  }
  return { words, named: named + (ACRONYM.test(sentence) ? 1 : 0) };
}

function isName(word: string): boolean {
  // Most words start with a lower-case letter: no pattern needed to see they are not names.
  const code = word.charCodeAt(0);
  return !(code >= 97 && code <= 122) && CAPITALISED.test(word) && !NOT_NAMES.test(word);
}

export const FEATURES = {
  statistic: { id: 'statistic', weight: 3, evidence: 'gives a statistic' },
  number: { id: 'number', weight: 1.5, evidence: 'gives a number' },
  date: { id: 'date', weight: 1.5, evidence: 'gives a date' },
  year: { id: 'year', weight: 0.75, evidence: 'names a year' },
  quotation: { id: 'quotation', weight: 2.5, evidence: 'quotes someone' },
  reporting: { id: 'reporting', weight: 2, evidence: 'reports what someone said' },
  action: { id: 'action', weight: 1.5, evidence: 'describes an action by a named actor' },
  event: { id: 'event', weight: 0.75, evidence: 'describes an event' },
  trend: { id: 'trend', weight: 1.25, evidence: 'describes a trend' },
  study: { id: 'study', weight: 1.25, evidence: 'cites a finding, study or report' },
  legal: { id: 'legal', weight: 1.25, evidence: 'states what a law, treaty or resolution says' },
  comparative: { id: 'comparative', weight: 0.5, evidence: 'makes a comparison' },
  generalisation: { id: 'generalisation', weight: 3, evidence: 'presents a generalisation as established' },
  wants: { id: 'wants', weight: 1, evidence: 'states what an actor wants or believes' },
  named: { id: 'named', weight: 0.75, evidence: 'names people or organisations' },
  hedge: { id: 'hedge', weight: -1.5, evidence: '' },
  recommendation: { id: 'recommendation', weight: -3, evidence: '' },
  roadmap: { id: 'roadmap', weight: -3.5, evidence: '' },
  firstPerson: { id: 'firstPerson', weight: -0.5, evidence: '' },
  question: { id: 'question', weight: -4, evidence: '' },
  short: { id: 'short', weight: -2, evidence: '' },
} satisfies Record<string, ClaimFeature>;

export interface CompiledWordLists {
  reporting: RegExp;
  hedges: RegExp;
}

export function compileWordLists(extra: Partial<ClaimWordLists> = {}): CompiledWordLists {
  return {
    reporting: wordList([...DEFAULT_REPORTING, ...(extra.reportingVerbs ?? [])]),
    hedges: wordList([...DEFAULT_HEDGES, ...(extra.hedges ?? [])]),
  };
}

const DEFAULT_LISTS = compileWordLists();

const SECOND_PERSON = /\b(?:[Yy]ou|[Yy]our|[Yy]ours)\b/;
/** An instruction: a sentence that opens with a verb in the imperative. */
const IMPERATIVE =
  /^(?:Require|Consider|Use|Ask|Make|Talk|Avoid|Ensure|Include|Start|Keep|Build|Choose|Plan|Provide|Allow|Offer|Give|Limit|Support|Test|Write|Do|Don't|Never|Always|Be|Try|Let|Set|Take|Read|See|Check|Look|Find|Create|Add|Remove|Define|Identify|Establish|Develop|Review|Hire|Fund|Budget|Prioriti[sz]e|Focus|Note|Remember|Imagine|Think|Stop|Get|Put|Run|Install|Open|Click|Select|Enter|Type|Go|Follow|Treat|Aim|Seek|Encourage|Publish|Share|Document|Train|Assign|Reduce|Increase|Invest|Adopt|Apply|Explore|Engage|Partner|Work)\b/;

/**
 * The document's own act: "this Memorandum establishes a framework", "This section provides an
 * overview". Not "this policy" or "this standard", which often mean someone else's.
 */
const DOCUMENT_ACT =
  /\b[Tt]his (?:[Mm]emorandum|memo|[Gg]uidance|[Gg]uideline|guide|document|[Ss]ection|[Cc]hapter|post|[Vv]olume|[Rr]ecommendation|In Focus|Insight|[Rr]eport|brief|paper|article|essay|thesis|dissertation|study|book|project|piece|analysis)(?: also| then| first| further| therefore)? (?:establishes|sets|provides|offers|describes|outlines|explains|covers|includes|applies|is|does|defines|requires|directs|rescinds|supersedes|updates|replaces|summari[sz]es|presents|examines|discusses|gives|focuses|seeks|aims|explores|argues|considers|investigates|analy[sz]es|traces|reviews|proposes|contributes|builds|draws|uses|asks|attempts|tries)\b|^(?:[A-Z][\w ,]*, )?[Tt]he (?:paper|essay|chapter|thesis|dissertation|article|post|section|book|present study)(?: then| next| also| further| first| finally)? (?:explores|examines|discusses|describes|outlines|presents|considers|investigates|reviews|turns to|concludes|proceeds|is organi[sz]ed|is structured|seeks|aims|argues|begins|ends|closes)\b/;

/**
 * Whether a sentence is the writer's own voice, which needs no source by the labelling guideline:
 * the first person ("we loaded the data", "I argue") or the reader addressed ("you can invert the
 * match") outside quotations; an instruction ("Require that no contract last more than three
 * years"); a recommendation in the writer's words ("agencies must publish…"), unless it reports
 * what someone said; a question; the document's own act ("This Memorandum establishes …").
 */
export function inAuthorsVoice(sentence: string, lists?: CompiledWordLists): boolean {
  if (QUESTION.test(sentence) || DOCUMENT_ACT.test(sentence) || speaksPersonally(sentence)) return true;
  // Most sentences advise nothing: only then is the writer's own text (quotations taken out) worth building.
  return RECOMMENDATION.test(sentence) && RECOMMENDATION.test(ownWords(sentence)) && !(lists ?? DEFAULT_LISTS).reporting.test(sentence);
}

/** The writer's own words: quoted words are someone else's, and "May" the month is no hedge. */
function ownWords(sentence: string): string {
  return sentence.replace(QUOTED, ' ').replace(MONTHS_ANYWHERE, ' ');
}

/**
 * Whether a sentence speaks personally: the writer in the first person or the reader addressed
 * (outside quotations), or an instruction. Recommendations do not count: a policy brief that
 * ends with what Congress should do still writes about others.
 */
export function speaksPersonally(sentence: string): boolean {
  if (IMPERATIVE.test(sentence.replace(/^[\s*_“"(]+/, ''))) return true;
  if (!FIRST_PERSON.test(sentence) && !SECOND_PERSON.test(sentence)) return false;
  const own = ownWords(sentence);
  return FIRST_PERSON.test(own) || SECOND_PERSON.test(own);
}

/** The features a sentence (footnote markers already removed) shows. */
export function sentenceFeatures(sentence: string, lists: CompiledWordLists): ClaimFeature[] {
  const found: ClaimFeature[] = [];
  const { words, named } = wordsAndNames(sentence);
  const own = ownWords(sentence);
  const reported = lists.reporting.test(sentence);
  if (STATISTIC.test(sentence)) found.push(FEATURES.statistic);
  else if (NUMBER.test(sentence.replace(YEARS_ALONE, ' '))) found.push(FEATURES.number);
  if (DATE.test(sentence)) found.push(FEATURES.date);
  else if (YEAR_ALONE.test(sentence)) found.push(FEATURES.year);
  if (quotesFourWords(sentence)) found.push(FEATURES.quotation);
  if (reported) found.push(FEATURES.reporting);
  if (ACTION.test(sentence)) found.push(named > 0 ? FEATURES.action : FEATURES.event);
  if (TREND.test(sentence)) found.push(FEATURES.trend);
  if (GENERALISATION.test(sentence)) found.push(FEATURES.generalisation);
  else if (STUDY.test(sentence)) found.push(FEATURES.study);
  if (LEGAL.test(sentence)) found.push(FEATURES.legal);
  if (COMPARATIVE.test(sentence)) found.push(FEATURES.comparative);
  if (WANTS.test(sentence) && named > 0) found.push(FEATURES.wants);
  if (named >= 2) found.push(FEATURES.named);
  // "said the deployment would prolong the war" reports a prediction; it does not hedge.
  if (!reported && lists.hedges.test(own)) found.push(FEATURES.hedge);
  if (RECOMMENDATION.test(own)) found.push(FEATURES.recommendation);
  if (ROADMAP.test(own)) found.push(FEATURES.roadmap);
  else if (FIRST_PERSON.test(own)) found.push(FEATURES.firstPerson);
  if (QUESTION.test(sentence)) found.push(FEATURES.question);
  if (words < 5) found.push(FEATURES.short);
  return found;
}
