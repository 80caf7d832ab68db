// Step 9: a new commenter is pre-moderated until N of their comments are approved; guests always are.

export function newCommenterHold(reader: { readonly approvedCount: number } | null, premoderateFirst: number): 'guest' | 'newCommenter' | null {
  if (reader === null) return 'guest';
  return reader.approvedCount < premoderateFirst ? 'newCommenter' : null;
}
