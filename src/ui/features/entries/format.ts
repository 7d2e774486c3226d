// Dates shown to officers, in Stockholm time and the chosen language's date format.
import { locale } from '../../i18n/index.ts';

// Made on first use, not at import: the language is set at boot, after modules load.
let dateTimeFormat: Intl.DateTimeFormat | undefined;
let timeFormat: Intl.DateTimeFormat | undefined;
const dateTime = () => (dateTimeFormat ??= new Intl.DateTimeFormat(locale(), { timeZone: 'Europe/Stockholm', dateStyle: 'medium', timeStyle: 'short' }));
const time = () => (timeFormat ??= new Intl.DateTimeFormat(locale(), { timeZone: 'Europe/Stockholm', timeStyle: 'short' }));

export function formatDateTime(iso: string): string {
  return dateTime().format(new Date(iso));
}

export function formatTime(iso: string): string {
  return time().format(new Date(iso));
}
