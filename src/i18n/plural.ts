// Builds counted messages that choose their wording by CLDR plural category (Arabic has all six).
// Must not know how numbers are formatted: the count arrives as an already formatted string.

/** A message for a count: `formatted` is the number in the site's digits, `category` its CLDR plural category. */
export type CountMessage = (formatted: string, category: Intl.LDMLPluralRule) => string;

/** One wording per category; `other` is required and used for any category left out. */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, (formatted: string) => string>> & {
  readonly other: (formatted: string) => string;
};

export function plural(forms: PluralForms): CountMessage {
  return (formatted, category) => (forms[category] ?? forms.other)(formatted);
}
