// Bidirectional formatting characters kept balanced, in its own module so chart code can use it without the validator.

/** Closes the embeddings, overrides (U+202A–U+202E) and isolates (U+2066–U+2068) left open; drops closers without an opener. */
export function balanceBidi(text: string): string {
  const open: string[] = [];
  let out = '';
  for (const char of text) {
    if (char >= '\u202A' && char <= '\u202E' && char !== '\u202C') {
      open.push('\u202C');
      out += char;
    } else if (char >= '\u2066' && char <= '\u2068') {
      open.push('\u2069');
      out += char;
    } else if (char === '\u202C') {
      if (open[open.length - 1] !== '\u202C') continue;
      open.pop();
      out += char;
    } else if (char === '\u2069') {
      // A closing isolate also closes what was opened inside it.
      const at = open.lastIndexOf('\u2069');
      if (at < 0) continue;
      open.length = at;
      out += char;
    } else out += char;
  }
  return out + open.reverse().join('');
}
