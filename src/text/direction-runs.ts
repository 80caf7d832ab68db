// Splits a plain-text paragraph into right-to-left and left-to-right (Latin-script) runs for bidi isolation.
// Must not know HTML, language tags or how the renderer isolates a run; it only finds where runs are.
import { COMBINING, DIGIT, INVISIBLE, KIND, LATIN, OTHER, SPACE } from './char-classes.js';

export interface DirectionRun {
  readonly text: string;
  /** true for a run of Latin-script text to isolate (e.g. in <bdi lang=…>) inside right-to-left text. */
  readonly ltr: boolean;
}

function bracketDepthChange(code: number): number {
  if (code === 0x28 || code === 0x5b || code === 0x7b) return 1; // ( [ {
  if (code === 0x29 || code === 0x5d || code === 0x7d) return -1; // ) ] }
  return 0;
}

/**
 * Splits `text` into runs; joining the runs' texts gives back `text` exactly.
 *
 * An LTR run starts at a Latin letter and takes the Latin letters, digits and combining accents that
 * follow, and a gap of spaces or punctuation only when more Latin follows it ("USS Tripoli", "U.S",
 * "Macy's"). So the period or quote after the last Latin word stays in the RTL run, where the paragraph
 * direction places it correctly. Numbers on their own ("2200 مارينز") stay RTL: digits already show
 * left-to-right inside Arabic. Beyond that rule, because isolating only part of a Latin token would
 * reorder it visibly:
 * - digits written against the start of the Latin word join the run ("5G", "3D");
 * - a gap without spaces joins when a digit follows it ("F-35", "COVID-19");
 * - closing brackets that match an opening bracket inside the run join it ("Hürriyet (Istanbul)").
 * Arabic punctuation and line breaks always end a run.
 */
export function splitDirectionRuns(text: string): DirectionRun[] {
  const length = text.length;
  const runs: DirectionRun[] = [];
  let rtlStart = 0;
  let i = 0;
  while (i < length) {
    if (KIND[text.charCodeAt(i)] !== LATIN) {
      i++;
      continue;
    }
    let start = i;
    while (start > rtlStart && KIND[text.charCodeAt(start - 1)] === DIGIT) start--;
    let end = i + 1;
    let openBrackets = 0;
    while (end < length) {
      const kind = KIND[text.charCodeAt(end)]!;
      if (kind === LATIN || kind === DIGIT || kind === COMBINING) {
        end++;
        continue;
      }
      if (!isGap(kind)) break;
      let next = end;
      let hasSpace = false;
      let brackets = 0;
      for (; next < length; next++) {
        const code = text.charCodeAt(next);
        const gapKind = KIND[code]!;
        if (!isGap(gapKind)) break;
        if (gapKind === SPACE) hasSpace = true;
        else brackets += bracketDepthChange(code);
      }
      const following = next < length ? KIND[text.charCodeAt(next)] : undefined;
      if (following === LATIN || (following === DIGIT && !hasSpace)) {
        openBrackets += brackets;
        end = next;
        continue;
      }
      break;
    }
    while (openBrackets > 0 && end < length && bracketDepthChange(text.charCodeAt(end)) === -1) {
      openBrackets--;
      end++;
    }
    if (start > rtlStart) runs.push({ text: text.slice(rtlStart, start), ltr: false });
    runs.push({ text: text.slice(start, end), ltr: true });
    rtlStart = end;
    i = end;
  }
  if (rtlStart < length) runs.push({ text: text.slice(rtlStart), ltr: false });
  return runs;
}

/**
 * What may sit between two Latin words of one run: spaces, Latin punctuation, symbols, invisibles.
 * Not Arabic letters, marks or punctuation, and not line breaks.
 */
function isGap(kind: number): boolean {
  return kind === SPACE || kind === OTHER || kind === INVISIBLE;
}
