import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * A full, compacting garbage collection once the process has been idle for `delayMs` after the
 * last call of the returned function. V8 collects lazily and keeps the pages it grew into: after a
 * thousand briefs opened and closed, the server held 520 MiB resident with 100 MB of live objects
 * spread over them, and gave none back while idle. A compacting collection when a brief closes and
 * nothing else happens packs the live objects and returns the empty pages (280 MiB then).
 *
 * Node gives a script `gc()` only when started with --expose-gc, which editors starting the server
 * do not pass: the flag set at run time exposes it to a new context, where it is taken from.
 */
/** How long the process must be idle before the collection: past a burst of closes, within a writer's pause. */
export const IDLE_COLLECTION_DELAY = 1000;

export function collectWhenIdle(delayMs: number): () => void {
  setFlagsFromString('--expose-gc');
  const collect = runInNewContext('gc') as () => void;
  let timer: NodeJS.Timeout | undefined;
  return () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      // Compacting every full collection would slow the ones V8 runs while the writer types: only this one.
      setFlagsFromString('--compact-on-every-full-gc');
      collect();
      setFlagsFromString('--no-compact-on-every-full-gc');
    }, delayMs);
    // A pending collection must not keep the process alive.
    timer.unref();
  };
}
