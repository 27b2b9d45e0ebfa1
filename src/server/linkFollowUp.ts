import type { TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { BriefService } from '../core';
import { LinkChecker } from '../node/linkChecker';

/** How long a brief must stay unchanged before an address that appeared in its last change is fetched. */
const LINK_SETTLE_MS = 2000;

/**
 * Fetches a brief's web addresses not known yet, after its diagnostics are out (none unless
 * briefkit.links.check is on). Only addresses that have stopped changing: one that appeared in the
 * version just checked may be being typed, and fetching every prefix of it ("https://ex",
 * "https://exa", …) would ask a site for dozens of pages that do not exist. It is fetched once a
 * later version still has it (the writer's edit moved elsewhere) or once the brief has stayed
 * unchanged for LINK_SETTLE_MS.
 */
export class LinkFollowUp {
  readonly links = new LinkChecker();
  /** Each open brief's last version followed up, and the version each of its addresses first appeared in. */
  private readonly seen = new Map<string, { version: number; firstSeen: Map<string, number> }>();
  /** The version of each brief whose pause is being waited out, so rechecks of that version do not wait again. */
  private readonly pausing = new Map<string, number>();

  constructor(
    private readonly service: BriefService,
    /** The open documents, to tell whether a brief changed during the pause. */
    private readonly documents: TextDocuments<TextDocument>,
    /** briefkit.links.allowPrivateNetwork, as last read. */
    private readonly allowPrivateNetwork: () => boolean,
  ) {
    documents.onDidClose(({ document }) => {
      this.seen.delete(document.uri);
      this.pausing.delete(document.uri);
    });
  }

  /** True when some addresses were fetched, so the brief should be checked again. */
  readonly fetch = async (document: TextDocument): Promise<boolean> => {
    this.links.allowPrivateNetwork(this.allowPrivateNetwork());
    const { uri, version } = document;
    const urls = this.service.getLinksToCheck(document);
    const before = this.seen.get(uri);
    // Only a change to the text can be typing: the addresses of a brief just opened, or found when
    // link checking was turned on, were already there.
    const typed = before !== undefined && before.version !== version;
    const firstSeen = new Map(urls.map((url) => [url, before?.firstSeen.get(url) ?? (typed ? version : -Infinity)]));
    this.seen.set(uri, { version, firstSeen });
    const unchecked = this.links.unchecked(urls);
    const settled = unchecked.filter((url) => firstSeen.get(url)! < version);
    if (settled.length > 0) {
      await this.links.check(settled);
      return true;
    }
    if (unchecked.length === 0 || this.pausing.get(uri) === version) return false;
    this.pausing.set(uri, version);
    await new Promise((resolve) => setTimeout(resolve, LINK_SETTLE_MS));
    if (this.pausing.get(uri) === version) this.pausing.delete(uri);
    if (this.documents.get(uri)?.version !== version) return false;
    await this.links.check(unchecked);
    return true;
  };
}
