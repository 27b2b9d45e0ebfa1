/** A mistake in how the command was called: reported with the usage, exit code 2. */
export class UsageError extends Error {
  /** `showUsage` false: the problem is in a value, and the usage text would only bury the message. */
  constructor(
    message: string,
    readonly showUsage = true,
  ) {
    super(message);
  }
}

export interface ParsedArgs {
  files: string[];
  /** Options given a value (`--format json` or `--format=json`), by name without dashes; the last one given. */
  values: Map<string, string>;
  /** Every value of each option, in order, for options that may be repeated (`--bibliography a.bib --bibliography b.json`). */
  repeated: Map<string, string[]>;
  /** Options without a value (`--write`). */
  flags: Set<string>;
}

/** Splits a command's arguments into files and the options `spec` allows. */
export function parseArgs(args: string[], command: string, spec: Record<string, 'value' | 'flag'>, filesNeeded: string): ParsedArgs {
  const parsed: ParsedArgs = { files: [], values: new Map(), repeated: new Map(), flags: new Set() };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (!arg.startsWith('-') || arg === '-') {
      parsed.files.push(arg);
      continue;
    }
    const equals = arg.indexOf('=');
    const name = (equals > 0 ? arg.slice(0, equals) : arg).replace(/^--?/, '');
    const kind = spec[name];
    if (!kind) throw new UsageError(`Unknown option ${arg.slice(0, equals > 0 ? equals : undefined)} for "briefkit ${command}".`);
    if (kind === 'flag') {
      parsed.flags.add(name);
      continue;
    }
    const value = equals > 0 ? arg.slice(equals + 1) : args[++i];
    if (value === undefined || value === '') throw new UsageError(`--${name} needs a value.`);
    parsed.values.set(name, value);
    parsed.repeated.set(name, [...(parsed.repeated.get(name) ?? []), value]);
  }
  if (parsed.files.length === 0) throw new UsageError(filesNeeded);
  return parsed;
}

/** The value of option `name` when it is one of `allowed`, else `fallback`. */
export function choice<T extends string>(parsed: ParsedArgs, name: string, allowed: readonly T[], fallback: T): T {
  const value = parsed.values.get(name);
  if (value === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`--${name} must be one of ${allowed.join(', ')}, not "${value}".`);
  return value as T;
}
