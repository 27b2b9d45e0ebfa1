import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** How long the process must be idle before the collection: past a burst of closes, within a writer's pause. */
export const IDLE_COLLECTION_DELAY = 1000;

/**
 * Collects (a full, compacting collection by default) once the process has been idle for
 * `delayMs` after the last call of the returned function. V8 collects lazily and keeps the pages
 * it grew into: after a thousand briefs opened and closed, the server held 518 MiB resident with
 * about 100 MB of live objects spread over them, and gave none back however long it was idle;
 * one compacting collection once it is idle packs them and returns the empty pages.
 *
 * Node gives a script `gc()` only when started with --expose-gc, which editors starting the server
 * do not pass: the flag set at run time exposes it to a new context, where it is taken from.
 */
export function collectWhenIdle(delayMs: number, collect: () => void = compactingCollection()): () => void {
  let timer: NodeJS.Timeout | undefined;
  return () => {
    clearTimeout(timer);
    timer = setTimeout(collect, delayMs);
    // A pending collection must not keep the process alive.
    timer.unref();
  };
}

/** V8's full collection, compacting this once (compacting every full collection would slow the ones V8 runs while the writer types). */
function compactingCollection(): () => void {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  return () => {
    setFlagsFromString('--compact-on-every-full-gc');
    gc();
    setFlagsFromString('--no-compact-on-every-full-gc');
  };
}
