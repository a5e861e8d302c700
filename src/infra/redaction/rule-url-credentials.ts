// Rule 3: the password of `scheme://user:password@host`. Only the password is replaced; the user and
// the host stay readable because they are what an operator needs to debug a connection. The authority
// after each `://` is read once and the next search starts after it, so the pass is linear.
import { isQuote, isSpace } from './chars.js';
import type { SecretSpan } from './spans.js';

/** The authority ends at the path, query or fragment, or where the URL itself ends in text. */
function isAuthorityEnd(c: number): boolean {
  return c === 47 || c === 63 || c === 35 || isSpace(c) || isQuote(c) || c === 60 || c === 62; // / ? # < >
}

export function findUrlCredentialSpans(s: string, out: SecretSpan[]): void {
  let from = 0;
  for (;;) {
    const at = s.indexOf('://', from);
    if (at < 0) return;
    const start = at + 3;
    let end = start;
    let lastAt = -1;
    let colon = -1;
    while (end < s.length) {
      const c = s.charCodeAt(end);
      if (isAuthorityEnd(c)) break;
      // The last `@` separates user info from host, so an unescaped `@` inside a password is kept in it.
      if (c === 64) lastAt = end;
      else if (c === 58 && colon < 0) colon = end;
      end++;
    }
    if (colon >= 0 && colon + 1 < lastAt)
      out.push({ start: colon + 1, end: lastAt, rule: 'url-credentials' });
    from = Math.max(end, start);
  }
}
