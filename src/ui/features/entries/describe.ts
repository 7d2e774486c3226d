// An entry's details as label–value pairs for reading.
import type { EntryContent } from '../../../domain/entry.ts';
import { t } from '../../i18n/index.ts';
import { detailOrder } from '../log/KindFields.tsx';

export function describeDetails(content: EntryContent): Array<[string, string]> {
  const details = content.details as unknown as Record<string, unknown>;
  return detailOrder(content.kind).filter((key) => key in details).map((key) => {
    const value = details[key];
    const label = t.fields[key as keyof typeof t.fields] ?? key;
    if (typeof value === 'boolean') return [label, value ? t.form.yes : t.form.no];
    if (key === 'focus') return [label, t.focus[value as keyof typeof t.focus] ?? String(value)];
    if (key === 'type') return [label, t.plType[value as keyof typeof t.plType] ?? String(value)];
    return [label, String(value)];
  });
}
