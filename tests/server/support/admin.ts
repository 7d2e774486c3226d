// Helpers of the catalogue-editing and administration suites: a valid draft as a
// coordinator enters it, and the audit rows a write left.
import type { PromiseDraftInput } from '../../../src/domain/catalogue/edit.ts';
import type { Db } from '../../../server/db/db.ts';

export function draftInput(overrides: Partial<PromiseDraftInput> = {}): PromiseDraftInput {
  return {
    kommunId: 'kommun-a1',
    title: 'Medborgarlöfte 2027–2028',
    validFrom: '2027-01-01',
    validTo: '2028-12-31',
    signedOn: '2026-12-01',
    reportingPeriod: 'quarter',
    commitments: [{ text: 'Öka tryggheten i centrum.' }],
    activities: [
      {
        commitmentIndex: 0,
        kind: 'traffic_check',
        owner: 'polisen',
        entryKinds: ['traffic_check'],
        target: { kind: 'count', count: 30, per: 'year', perStated: true },
        title: 'Trafikkontroller',
        text: 'Minst 30 trafikkontroller per år.',
      },
      { commitmentIndex: null, kind: 'safety_walk', owner: 'gemensam', entryKinds: [], target: { kind: 'none' }, title: 'Trygghetsvandring', text: 'En trygghetsvandring per år.' },
    ],
    ...overrides,
  };
}

export interface AuditRow {
  action: string;
  target: string | null;
  actor_id: string | null;
  actor_username: string | null;
  details: Record<string, unknown>;
}

/** Audit rows of an action (and target), oldest first. */
export async function auditRows(db: Db, action: string, target?: string): Promise<AuditRow[]> {
  return db.query<AuditRow>(
    `SELECT action, target, actor_id, actor_username, details FROM audit_log WHERE action = $1 AND ($2::text IS NULL OR target = $2) ORDER BY id`,
    [action, target ?? null],
  );
}
