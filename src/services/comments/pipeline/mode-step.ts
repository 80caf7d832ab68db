// Step 10: the story's or site's mode — pre-moderated holds every comment; open lets it through.
// (Closed was refused at step 2.)

export function modeHolds(mode: 'open' | 'premoderated' | 'closed'): boolean {
  return mode !== 'open';
}
