// The period editor. Every keystroke is kept on the device (useEditDraft); the device
// checks the rules first (validatePromiseDraft, overlap, publish) and the server decides,
// its messages shown by the fields. Save, publish (with a question), correct, delete.
import { useRef, useState } from 'preact/hooks';
import { overlapIssues, publishIssues, toDraftInput, validatePromiseDraft, type PromiseDraftInput } from '../../../domain/catalogue/edit.ts';
import type { CitizenPromise } from '../../../domain/catalogue/types.ts';
import { localDate } from '../../../domain/calendar.ts';
import type { ValidationIssue } from '../../../domain/validation.ts';
import { useAppState, useServices } from '../../app/context.ts';
import { navigate } from '../../app/router.ts';
import { Confirm } from '../../components/Confirm.tsx';
import { useToast } from '../../components/Toast.tsx';
import { useOnline } from '../../hooks/useOnline.ts';
import { t } from '../../i18n/index.ts';
import { catalogueApi } from './api.ts';
import { ActivityEditor } from './ActivityEditor.tsx';
import { BasicsFields } from './BasicsFields.tsx';
import { CommitmentList } from './CommitmentList.tsx';
import { failureToPathErrors, issuesToPathErrors, NO_ERRORS, type PathErrors } from './errors.ts';
import { addActivity, emptyDraft, moveActivity, removeActivity } from './model.ts';
import { PeriodStatus } from './PeriodStatus.tsx';
import { PromiseHistory } from './PromiseHistory.tsx';
import { RowTools } from './RowTools.tsx';
import { forgetPeriod, rememberPeriods } from './store.ts';
import { useEditDraft } from './useEditDraft.ts';

interface Props {
  base: CitizenPromise | null;
  kommunId: string;
  onSaved?: (p: CitizenPromise) => void;
}

interface Value {
  draft: PromiseDraftInput;
  /** The server's version this edit started from (null for a new period). */
  version: number | null;
}

export function promiseDraftKey(base: CitizenPromise | null, kommunId: string): string {
  return base ? `promise:${base.id}` : `promise-new:${kommunId}`;
}

export function PromiseForm({ base, kommunId, onSaved }: Props) {
  const { now, callServer, sync } = useServices();
  const { catalogue } = useAppState();
  const online = useOnline();
  const toast = useToast();
  const fresh = (): Value => ({ draft: base ? toDraftInput(base) : emptyDraft(kommunId, localDate(now())), version: base?.version ?? null });
  const edit = useEditDraft<Value>(promiseDraftKey(base, kommunId), fresh);
  const [errors, setErrors] = useState<PathErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const summary = useRef<HTMLDivElement>(null);
  if (!edit.value) return <p aria-busy="true">{t.catalogue.loading}</p>;
  const { draft } = edit.value;
  const published = base?.status === 'published';
  const dirty = !base || JSON.stringify(draft) !== JSON.stringify(toDraftInput(base));
  const setDraft = (d: PromiseDraftInput) => edit.set({ ...edit.value!, draft: d });
  const api = callServer ? catalogueApi(callServer) : null;

  const show = (e: PathErrors) => {
    setErrors(e);
    // The summary is announced and in view; the fields carry their own messages.
    queueMicrotask(() => summary.current?.focus());
  };

  /** The device's checks; overlap matters only for what is (or becomes) published. */
  const check = (publishing: boolean): { ok: true; value: PromiseDraftInput } | { ok: false; issues: ValidationIssue[] } => {
    const checked = validatePromiseDraft(draft);
    if (!checked.ok) return checked;
    if (publishing || published) {
      const overlap = overlapIssues({ id: base?.id ?? '', kommunId: checked.value.kommunId, validFrom: checked.value.validFrom, validTo: checked.value.validTo }, catalogue);
      if (overlap.length > 0) return { ok: false, issues: overlap };
    }
    return checked;
  };

  const submit = async (publishing: boolean) => {
    const checked = check(publishing);
    if (!checked.ok) return show(issuesToPathErrors(checked.issues, draft));
    if (!online || !api) return show({ byPath: {}, form: [t.catalogue.offline] });
    setBusy(true);
    try {
      let saved = base;
      if (!saved) saved = await api.create(checked.value);
      else if (dirty) saved = await api.save(saved.id, { draft: checked.value, version: edit.value!.version ?? saved.version });
      rememberPeriods([saved]);
      if (publishing) {
        const before = publishIssues(saved);
        if (before.length > 0) {
          await afterSave(saved);
          return show(issuesToPathErrors(before, draft));
        }
        saved = await api.publish(saved.id, saved.version);
        rememberPeriods([saved]);
      }
      await afterSave(saved);
      toast({ text: publishing ? t.catalogue.published : published ? t.catalogue.corrected : t.catalogue.saved });
      // Published periods reach this device's catalogue through the normal sync (ETag).
      if (saved.status === 'published') void sync?.trigger();
    } catch (e) {
      show(failureToPathErrors(e, draft));
    } finally {
      setBusy(false);
    }
  };

  const afterSave = async (saved: CitizenPromise) => {
    await edit.clear();
    setErrors(NO_ERRORS);
    if (!base) navigate({ name: 'promise', id: saved.id });
    else onSaved?.(saved);
  };

  const remove = async () => {
    if (!base || !api) return;
    try {
      await api.remove(base.id);
      forgetPeriod(base.id);
      await edit.clear();
      navigate({ name: 'catalogue' });
      toast({ text: t.catalogue.deleted });
    } catch (e) {
      show(failureToPathErrors(e, draft));
    }
  };

  const fieldErrors = Object.keys(errors.byPath).length > 0;
  return (
    <form
      class="promise-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit(false);
      }}
    >
      <header class="form-header">
        <h1 id="editor-title">{base ? t.catalogue.editTitle(base.title) : t.catalogue.newTitle}</h1>
        {base && <PeriodStatus promise={base} />}
      </header>
      {published && <p class="notice">{t.catalogue.correctionNote}</p>}
      {edit.restored && dirty && (
        <p class="notice">
          {t.catalogue.draftRestored}{' '}
          <button type="button" class="link-button" onClick={() => void edit.reset()}>{t.catalogue.discard}</button>
        </p>
      )}
      {!online && (
        <p class="offline-mark">
          <span aria-hidden="true">⚠ </span>
          {t.catalogue.offlineNow}
        </p>
      )}
      <div ref={summary} tabIndex={-1} class="summary-anchor">
        {(fieldErrors || errors.form.length > 0) && (
          <div class="error-summary" role="alert">
            {fieldErrors && <p>{t.catalogue.fixErrors}</p>}
            {errors.form.map((m) => (
              <p key={m}>{m}</p>
            ))}
          </div>
        )}
      </div>
      <BasicsFields draft={draft} onChange={setDraft} errors={errors} kommunFixed={published} />
      <CommitmentList draft={draft} onChange={setDraft} errors={errors} />
      <fieldset class="editor-section" aria-describedby="activities-hint">
        <legend>{t.catalogue.activities}</legend>
        <p id="activities-hint" class="hint">{t.catalogue.activitiesHint}</p>
        {errors.byPath.activities && <p class="error" role="alert">{errors.byPath.activities}</p>}
        {draft.activities.map((_, i) => (
          <ActivityEditor
            key={i}
            draft={draft}
            index={i}
            onChange={setDraft}
            errors={errors}
            tools={<RowTools name={t.catalogue.activity(i + 1)} index={i} count={draft.activities.length} onMove={(to) => setDraft(moveActivity(draft, i, to))} onRemove={() => setDraft(removeActivity(draft, i))} />}
          />
        ))}
        <button type="button" onClick={() => setDraft(addActivity(draft))}>+ {t.catalogue.addActivity}</button>
      </fieldset>
      {dirty && base && <p class="hint">{t.catalogue.unsaved}</p>}
      <div class="form-actions">
        <button type="submit" class="primary" disabled={busy || (!!base && !dirty)}>{published ? t.catalogue.saveCorrection : t.catalogue.saveDraft}</button>
        {!published && <Confirm label={t.catalogue.publish} question={t.catalogue.publishConfirm} yes={t.catalogue.publishYes} disabled={busy} onConfirm={() => submit(true)} />}
      </div>
      {base && !published && <Confirm label={t.catalogue.deleteDraft} question={t.catalogue.deleteConfirm} yes={t.catalogue.deleteYes} danger onConfirm={remove} />}
      {published && base && <PromiseHistory id={base.id} version={base.version} />}
    </form>
  );
}
