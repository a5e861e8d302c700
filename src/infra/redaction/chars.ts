// Character classes for the hand-written scanners. They work on UTF-16 code units and only ever test
// ASCII, so a non-ASCII character is simply "not in the class" and indexes never shift (unlike
// lower-casing the whole input, which can change its length).

export function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

export function isUpper(c: number): boolean {
  return c >= 65 && c <= 90;
}

export function isLower(c: number): boolean {
  return c >= 97 && c <= 122;
}

export function isAlpha(c: number): boolean {
  return isUpper(c) || isLower(c);
}

export function isAlnum(c: number): boolean {
  return isDigit(c) || isAlpha(c);
}

/** Letters, digits and `_`: what a "word" is for token boundaries. */
export function isWord(c: number): boolean {
  return isAlnum(c) || c === 95;
}

/** Characters of a variable or key name: `DB_PASSWORD`, `x-api-key`, `db.password`, `--token`. */
export function isNameChar(c: number): boolean {
  return isWord(c) || c === 45 || c === 46;
}

/** The base64url alphabet (JWT segments). */
export function isBase64Url(c: number): boolean {
  return isWord(c) || c === 45;
}

/** The token68 alphabet of HTTP credentials (RFC 9110), which covers base64 and base64url. */
export function isToken68(c: number): boolean {
  return isBase64Url(c) || c === 46 || c === 126 || c === 43 || c === 47 || c === 61;
}

export function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 11 || c === 12;
}

export function isQuote(c: number): boolean {
  return c === 34 || c === 39 || c === 96;
}

/** Compares `s` at `at` with an ASCII lower-case `word`, ignoring ASCII case. */
export function startsWithIgnoreCase(s: string, at: number, word: string): boolean {
  if (at + word.length > s.length) return false;
  for (let k = 0; k < word.length; k++) {
    let c = s.charCodeAt(at + k);
    if (isUpper(c)) c += 32;
    if (c !== word.charCodeAt(k)) return false;
  }
  return true;
}

/** Index of the first position at or after `from` whose code unit fails `test` (or `s.length`). */
export function skipWhile(s: string, from: number, test: (c: number) => boolean): number {
  let i = from;
  while (i < s.length && test(s.charCodeAt(i))) i++;
  return i;
}
