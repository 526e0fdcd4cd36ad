// The introduction kit's placeholders. The practice writes its kit with these five; the partner sees them filled in.
// Rendering is literal substitution in one pass: a value is inserted as it is, never read again for placeholders and
// never interpreted (no `$&`, no markup: the screens show the result as text), so a partner's name like
// "{practiceName}" or "$&" stays exactly that.

export const PLACEHOLDERS = ['partnerFirstName', 'partnerName', 'practiceName', 'intakeLink', 'bookingLink'] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];
export type PlaceholderValues = Partial<Record<Placeholder, string | null | undefined>>;

/** What a placeholder stands for, shown in its place when its value is unknown (no intake link yet, say). */
export const PLACEHOLDER_WORDS: Record<Placeholder, string> = {
  partnerFirstName: 'your first name',
  partnerName: 'your name',
  practiceName: 'the practice',
  intakeLink: 'your intake link',
  bookingLink: 'the booking link',
};

const PATTERN = new RegExp(`\\{(${PLACEHOLDERS.join('|')})\\}`, 'g');

/** `text` with each known placeholder replaced by its value, or by `[what it stands for]` when it has none. */
export function fillPlaceholders(text: string, values: PlaceholderValues): string {
  return text.replace(PATTERN, (_whole, name: Placeholder) => {
    const value = values[name];
    return value ? value : `[${PLACEHOLDER_WORDS[name]}]`;
  });
}

/** Braced words in `text` that are not placeholders: the service refuses them (400), the editor warns before. */
export function unknownPlaceholders(text: string): string[] {
  const found = new Set<string>();
  for (const match of text.matchAll(/\{([^{}\s]*)\}/g)) {
    if (!(PLACEHOLDERS as readonly string[]).includes(match[1])) found.add(match[0]);
  }
  return [...found];
}

/** A partner's first name from their name as the practice wrote it: its first word. */
export function firstNameOf(name: string | null | undefined): string {
  return (name ?? '').trim().split(/\s+/)[0] ?? '';
}
