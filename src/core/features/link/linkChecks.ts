import { perDocument, type BriefDocument } from '../../document';
import { Codes, diagnosticFor } from '../../diagnosticCodes';
import { replaceOffsets } from '../../edits';
import { finding, type Finding } from '../../feature';
import type { LinkCheckResult } from '../../host';
import { foldedWords } from '../../references/referenceParser';
import { fieldOffsets, SourceIndex, type LocatedReference } from '../../references/sourceIndex';

/** A web address a note or Bibliography entry gives, where it stands, and what it cites. */
interface CitedLink {
  url: string;
  start: number;
  end: number;
  where: string;
  title?: string;
  /** The note's access date as YYYY-MM-DD, for the archived copy of that day. */
  accessed?: string;
}

/** Once per version: the checks and the list for the link checker both need them. */
const citedLinks = perDocument((document): CitedLink[] => {
  const index = SourceIndex.of(document);
  const located: Array<[LocatedReference, string]> = [
    ...index.notes.map((n): [LocatedReference, string] => [n, `footnote [^${n.definition.label}]`]),
    ...index.entries.map((e): [LocatedReference, string] => [e, 'this Bibliography entry']),
  ];
  return located.flatMap(([source, where]) => {
    const { url, title, accessedIso } = source.reference;
    if (!url || !/^https?:\/\//i.test(url.text)) return [];
    const { start, end } = fieldOffsets(source, url);
    return [{ url: url.text, start, end, where, title: title?.text, accessed: accessedIso }];
  });
});

/** The addresses the host should fetch for this brief, each once. */
export function linksToCheck(document: BriefDocument): string[] {
  return [...new Set(citedLinks(document).map((link) => link.url))];
}

function titleWords(text: string): string[] {
  return foldedWords(text).filter((word) => word.length >= 3);
}

/** The page's title shares under a quarter of the cited title's words (site names and separators aside). */
function titlesDisagree(cited: string, page: string): boolean {
  const citedWords = [...new Set(titleWords(cited))];
  if (citedWords.length < 3) return false;
  const pageWords = new Set(titleWords(page));
  return citedWords.filter((word) => pageWords.has(word)).length / citedWords.length < 0.25;
}

function sameAddress(a: string, b: string): boolean {
  const bare = (url: string) => url.replace(/^https?:\/\/(?:www\.)?/i, '').replace(/\/$/, '');
  return bare(a) === bare(b);
}

/** The Internet Archive's copy of the page on the day it was consulted (or its latest one). */
function archivedAddress(link: CitedLink): string {
  return `https://web.archive.org/web/${link.accessed ? link.accessed.replace(/-/g, '') : ''}${link.accessed ? '/' : ''}${link.url}`;
}

function reason(result: LinkCheckResult): string {
  if (result.status !== undefined) return `the site answered ${result.status}`;
  return result.failure?.message ?? 'no answer';
}

/** "https://… and 2 other addresses" */
function addresses(links: readonly CitedLink[]): string {
  const others = links.length - 1;
  return `${links[0].url.slice(0, 90)}${others > 0 ? ` and ${others} other address${others === 1 ? '' : 'es'}` : ''}`;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/**
 * The one notice for the addresses that did not answer in time and those not asked because their
 * site had stopped answering: "… did not answer in time, and 38 more were not tried, as their site
 * had stopped answering. BriefKit will try them again …".
 */
function unansweredNotice(asked: readonly CitedLink[], skipped: readonly CitedLink[], retryInMinutes: number | undefined): string {
  const sites = new Set(skipped.map((link) => hostOf(link.url))).size;
  const notTried = `${skipped.length === 1 ? 'was' : 'were'} not tried, as ${sites > 1 ? 'their sites' : skipped.length === 1 ? 'its site' : 'their site'} had stopped answering`;
  const said =
    asked.length === 0
      ? `${addresses(skipped)} ${notTried}`
      : `${addresses(asked)} did not answer in time${skipped.length > 0 ? `, and ${skipped.length} more ${notTried}` : ''}`;
  const them = asked.length + skipped.length === 1 ? 'it' : 'them';
  const when = retryInMinutes ? `at the next check once ${retryInMinutes} minute${retryInMinutes === 1 ? ' has' : 's have'} passed` : 'at the next check';
  return `${said}. BriefKit will try ${them} again ${when}; this says nothing about the sources yet.`;
}

/**
 * `link.broken`, `link.moved` and `link.unreachable`, from what the host's link checker found.
 * Addresses not checked yet give nothing; timeouts are said once, as a notice, since a slow site
 * is not a broken source; an address the checker would not fetch (on the writer's own network) is
 * said where it stands, as a notice too.
 */
export function findLinkProblems(document: BriefDocument, status: (url: string) => LinkCheckResult | undefined): Finding[] {
  const findings: Finding[] = [];
  const timedOut: Array<{ link: CitedLink; skipped: boolean; retryInMinutes?: number }> = [];
  for (const link of citedLinks(document)) {
    const result = status(link.url);
    if (!result) continue;
    const range = document.lines.rangeAt(link.start, link.end);
    if (result.notChecked) {
      findings.push(finding(diagnosticFor(Codes.linkUnreachable, `Not checked: the address in ${link.where} ${result.notChecked}.`, range)));
    } else if (result.failure?.timeout) {
      // An address given in a note and in the Bibliography is one address that did not answer.
      if (!timedOut.some((t) => t.link.url === link.url))
        timedOut.push({ link, skipped: result.failure.skipped === true, retryInMinutes: result.failure.retryInMinutes });
    } else if ((result.status ?? 0) >= 400 || (result.status === undefined && result.failure)) {
      const archived = archivedAddress(link);
      findings.push(
        finding(
          diagnosticFor(
            Codes.linkBroken,
            `The address in ${link.where} is broken: ${reason(result)}. Find where the source lives now, or cite the archived copy${link.accessed ? ` from the day you consulted it (${link.accessed})` : ''}.`,
            range,
          ),
          () => [
            {
              title: `Use the Internet Archive's copy${link.accessed ? ` of ${link.accessed}` : ''}`,
              kind: 'quickfix',
              edits: [replaceOffsets(document, link.start, link.end, archived)],
              isPreferred: true,
            },
          ],
        ),
      );
    } else if (result.finalUrl && !sameAddress(result.finalUrl, link.url) && link.title && result.title && titlesDisagree(link.title, result.title)) {
      findings.push(
        finding(
          diagnosticFor(
            Codes.linkMoved,
            `The address in ${link.where} now leads to “${result.title.trim().slice(0, 90)}” (${result.finalUrl.slice(0, 90)}), not to the cited “${link.title.slice(0, 90)}”. Check the link, or cite the archived copy.`,
            range,
          ),
          () => [
            {
              title: `Use the Internet Archive's copy${link.accessed ? ` of ${link.accessed}` : ''}`,
              kind: 'quickfix',
              edits: [replaceOffsets(document, link.start, link.end, archivedAddress(link))],
            },
          ],
        ),
      );
    }
  }
  if (timedOut.length > 0) {
    const asked = timedOut.filter((t) => !t.skipped).map((t) => t.link);
    const skipped = timedOut.filter((t) => t.skipped).map((t) => t.link);
    const anchor = asked[0] ?? skipped[0];
    findings.push(
      finding(
        diagnosticFor(
          Codes.linkUnreachable,
          unansweredNotice(asked, skipped, timedOut.find((t) => t.retryInMinutes)?.retryInMinutes),
          document.lines.rangeAt(anchor.start, anchor.end),
        ),
      ),
    );
  }
  return findings;
}
