// An entry's details as label–value pairs for reading.
import type { EntryContent } from '../../../domain/entry.ts';
import { t } from '../../i18n/sv.ts';

export function describeDetails(content: EntryContent): Array<[string, string]> {
  return Object.entries(content.details).map(([key, value]) => {
    const label = t.fields[key as keyof typeof t.fields] ?? key;
    if (typeof value === 'boolean') return [label, value ? t.form.yes : t.form.no];
    if (key === 'focus') return [label, t.focus[value as keyof typeof t.focus] ?? String(value)];
    if (key === 'type') return [label, t.plType[value as keyof typeof t.plType] ?? String(value)];
    return [label, String(value)];
  });
}
