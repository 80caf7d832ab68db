// Step 7: links from readers not yet trusted (guests, or fewer approved comments than the threshold)
// are held for a moderator: links are what spam is for.

export function holdsLinks(hasLinks: boolean, reader: { readonly approvedCount: number } | null, premoderateFirst: number): boolean {
  if (!hasLinks) return false;
  return reader === null || reader.approvedCount < Math.max(premoderateFirst, 1);
}
