/** The last part of a URI's path, decoded where it can be: a malformed escape (`a%zz.bib`) stays as written. */
export function fileName(uri: string): string {
  const name = uri.split(/[?#]/)[0].split('/').pop() ?? uri;
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}
