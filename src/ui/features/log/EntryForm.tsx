// The form for logging or correcting an entry. What is typed is kept as a draft on the
// device until it is saved, so closing the form, a reload or an update loses nothing.
import { LIMITS } from '../../../domain/limits.ts';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { EntryContent } from '../../../domain/entry.ts';
import { loadDraft, saveDraft, clearDraft, isQuotaError } from '../../../db/index.ts';
import { useAppState, useServices } from '../../app/context.ts';
import { TextField } from '../../components/TextField.tsx';
import { t } from '../../i18n/index.ts';
import { KindFields } from './KindFields.tsx';
import { registerDraftFlush } from '../../app/drafts.ts';
import { validateForm, preloadValidation, toLocalInput, fromLocalInput, type FormState, type FieldErrors } from './formModel.ts';

const DURATIONS = [null, 15, 30, 60, 120, 180, 240];
/** Fields that show their own message; others (catalogue rules) go in the summary. */
const SHOWN_FIELDS = /^(details\.|place$|note$|startedAt$)/;

interface Props {
  title: string;
  subtitle?: string;
  draftKey: string;
  initial: FormState;
  placeSuggestions: string[];
  saveLabel: string;
  onSave: (content: EntryContent) => Promise<void>;
  onClose: () => void;
}

export function EntryForm({ title, subtitle, draftKey, initial, placeSuggestions, saveLabel, onSave, onClose }: Props) {
  const { db, now } = useServices();
  const { catalogue } = useAppState();
  const [form, setForm] = useState<FormState>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [restored, setRestored] = useState(false);
  const [editingTime, setEditingTime] = useState(initial.startedAt !== null);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const dirty = useRef(false);
  const latest = useRef(form);
  latest.current = form;

  useEffect(() => {
    let alive = true;
    preloadValidation();
    void loadDraft<FormState>(db, draftKey).then((draft) => {
      // The officer may already have typed (the read can finish after the first tap): keep that.
      if (!alive || !draft || dirty.current) return;
      setForm(draft);
      setEditingTime(draft.startedAt !== null);
      setRestored(true);
    });
    // Save what is typed when the page is hidden or closed (an update, a crash, the app switcher).
    const save = () => (dirty.current ? saveDraft(db, draftKey, latest.current, now()) : Promise.resolve());
    const flush = () => void save();
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', flush);
    const unregister = registerDraftFlush(save);
    return () => {
      alive = false;
      flush();
      unregister();
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', flush);
    };
  }, [db, draftKey]);

  const update = (patch: Partial<FormState>) => {
    dirty.current = true;
    setForm((f) => {
      const next = { ...f, ...patch };
      void saveDraft(db, draftKey, next, now());
      return next;
    });
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    if (saving) return;
    setSaving(true);
    setSaveError(null);
    try {
      const { content, errors: found } = await validateForm(form, catalogue, now());
      setErrors(found);
      if (!content) {
        const first = Object.keys(found)[0];
        document.getElementById(first?.startsWith('details.') ? `f-${first.slice(8)}` : `f-${first}`)?.focus();
        return;
      }
      await onSave(content);
      dirty.current = false;
      await clearDraft(db, draftKey);
    } catch (err) {
      // Nothing was written (one transaction); the form and its draft stay as they are.
      setSaveError(isQuotaError(err) ? t.form.quotaExceeded : t.form.saveFailed);
    } finally {
      setSaving(false);
    }
  };

  return (
    <form class="entry-form" onSubmit={submit} noValidate>
      <header class="form-header">
        <button type="button" class="link-button" onClick={onClose}>
          ← {t.form.cancel}
        </button>
        <h1>{title}</h1>
        {subtitle && <p class="subtitle">{subtitle}</p>}
      </header>
      {restored && (
        <p class="notice" role="status">
          {t.form.draftRestored}{' '}
          <button
            type="button"
            class="link-button"
            onClick={async () => {
              await clearDraft(db, draftKey);
              dirty.current = false;
              setForm(initial);
              setRestored(false);
            }}
          >
            {t.form.discardDraft}
          </button>
        </p>
      )}
      {Object.keys(errors).length > 0 && (
        <div class="error-summary" role="alert">
          <p>{t.form.fixErrors}</p>
          {Object.entries(errors)
            .filter(([field]) => !SHOWN_FIELDS.test(field))
            .map(([field, message]) => (
              <p key={field}>{message}</p>
            ))}
        </div>
      )}

      <KindFields kind={form.kind} details={form.details} errors={errors} onChange={(key, value) => update({ details: { ...form.details, [key]: value } })} />

      <div class={`field${errors.startedAt ? ' has-error' : ''}`}>
        <label for="f-startedAt">{t.form.time}</label>
        {editingTime ? (
          <input
            id="f-startedAt"
            type="datetime-local"
            value={toLocalInput(form.startedAt ?? new Date(now()).toISOString())}
            aria-invalid={errors.startedAt ? true : undefined}
            onInput={(e) => update({ startedAt: fromLocalInput((e.currentTarget as HTMLInputElement).value) })}
          />
        ) : (
          <div class="inline">
            <span id="f-startedAt" tabIndex={-1}>{t.form.now}</span>
            <button type="button" class="link-button" onClick={() => { setEditingTime(true); update({ startedAt: new Date(now()).toISOString() }); }}>
              {t.form.change}
            </button>
          </div>
        )}
        {errors.startedAt && <p class="error" role="alert">{errors.startedAt}</p>}
      </div>

      <fieldset class="field choice" id="f-durationMinutes">
        <legend>{t.form.duration}</legend>
        <div class="choice-row">
          {DURATIONS.map((d) => (
            <button type="button" key={String(d)} class="chip" aria-pressed={form.durationMinutes === d} onClick={() => update({ durationMinutes: d })}>
              {d === null ? t.form.durationNone : t.form.minutes(d)}
            </button>
          ))}
        </div>
      </fieldset>

      <TextField id="f-place" label={t.form.place} value={form.place} hint={t.form.placeHint} error={errors.place} maxLength={LIMITS.placeMax} list="place-suggestions" onInput={(place) => update({ place })} />
      <datalist id="place-suggestions">
        {placeSuggestions.map((p) => (
          <option key={p} value={p} />
        ))}
      </datalist>
      <TextField id="f-note" label={t.form.note} value={form.note} hint={t.form.noteHint} error={errors.note} multiline maxLength={LIMITS.noteMax} onInput={(note) => update({ note })} />

      <div class="form-actions">
        {saveError && <p class="error" role="alert">{saveError}</p>}
        <button type="submit" class="primary big" disabled={saving}>
          {saveLabel}
        </button>
      </div>
    </form>
  );
}
