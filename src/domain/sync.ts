// The sync contract (HTTP JSON under /api/v1), shared by the app and the server.
// See docs/api.md for the prose version.
import type { EntryContent, EntryRevision, RevisionOp } from './entry.ts';
import type { ValidationIssue } from './validation.ts';
import type { KommunTallies } from './tallies/tally.ts';
import type { ActivityCompletion } from './tallies/completions.ts';

export const API_PREFIX = '/api/v1';
/**
 * Largest batch a client sends and the server accepts. Sized for a long-offline phone's
 * backlog: 10 000 entries are 10 pushes, about 480 KB each (docs/decisions.md, "Push batches").
 */
export const MAX_PUSH_BATCH = 1000;
/**
 * Largest push body in bytes, and so the server's request body limit (DEFAULT_BODY_LIMIT
 * in server/http/app.ts is this). The client splits a batch by bytes to stay under it
 * (src/sync/pack.ts).
 */
export const PUSH_BODY_LIMIT = 1024 * 1024;
export const MAX_PULL_LIMIT = 1000;

export const ROLES = ['officer', 'shift_lead', 'coordinator', 'admin', 'auditor'] as const;
export type Role = (typeof ROLES)[number];
/**
 * The roles that use the app itself. 'auditor' (the data protection officer) may only
 * read the audit log (GET /api/v1/audit) and manage their own session; every other
 * endpoint refuses it, so a DPO account can never see entries or change anything.
 */
export const APP_ROLES = ['officer', 'shift_lead', 'coordinator', 'admin'] as const satisfies readonly Role[];

export interface User {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  policeAreaId: string;
  /** The kommuner of the user's police area. */
  kommunIds: string[];
  /** Set after an admin's password reset: every call but POST /session/password answers 403 password_change_required. */
  mustChangePassword?: boolean;
}

export interface SessionRequest {
  username: string;
  password: string;
  deviceId: string;
}
export interface SessionResponse {
  token: string;
  /** When the session ends at the latest (absolute expiry), ISO UTC, by the server's clock. */
  expiresAt: string;
  /** The server's clock when it answered, so a device can judge expiry despite its own clock's error. */
  serverTime: string;
  user: User;
}

export interface PushChange {
  id: string;
  rev: number;
  op: RevisionOp;
  /** The entry's full content at this revision (also for a void). */
  entry: EntryContent;
  voidReason: string | null;
  /** Device clock when the revision was made, ISO UTC. */
  clientTime: string;
}

export interface DeviceHeartbeat {
  appVersion: string;
  queuedCount: number;
  /** Device time of the oldest queued change, or null when nothing waits. */
  oldestQueuedAt: string | null;
}

export interface PushRequest {
  deviceId: string;
  heartbeat: DeviceHeartbeat;
  changes: PushChange[];
}

export type PushStatus = 'applied' | 'duplicate' | 'conflict' | 'rejected';

export interface PushResult {
  id: string;
  rev: number;
  status: PushStatus;
  serverSeq?: number;
  serverTime?: string;
  /** Field-level reasons for 'rejected' and 'conflict', in Swedish. */
  errors?: ValidationIssue[];
}
export interface PushResponse {
  results: PushResult[];
  /**
   * The device was revoked by an admin. Its session may still push (so nothing queued is
   * lost) and end itself; every other call answers 403 device_revoked. Once its outbox is
   * empty the app wipes its local data.
   */
  deviceRevoked?: boolean;
}

export interface PullResponse {
  revisions: EntryRevision[];
  nextCursor: number;
  hasMore: boolean;
}

/** GET /api/v1/devices item: what a device last told the server in a heartbeat or push. */
export interface DeviceStatus {
  deviceId: string;
  userId: string;
  username: string;
  displayName: string;
  lastSeenAt: string;
  queuedCount: number;
  oldestQueuedAt: string | null;
  /** Seconds between the oldest queued change and the last sync; null when nothing waits. */
  oldestQueuedAgeSeconds: number | null;
  appVersion: string;
}
export interface DevicesResponse {
  devices: DeviceStatus[];
}

/** GET /api/v1/tallies?kommun=&from=&to=&by=quarter|tertial */
export interface TalliesResponse {
  /** Server clock when computed; figures include every revision committed before it. */
  generatedAt: string;
  tallies: KommunTallies;
}

/** GET /api/v1/completions: the area's completions, withdrawn ones included (with withdrawnAt). */
export interface CompletionsResponse {
  completions: ActivityCompletion[];
}

export type ErrorCode =
  | 'bad_request'
  | 'validation_failed'
  | 'unauthenticated'
  | 'session_expired'
  | 'forbidden'
  | 'not_found'
  | 'payload_too_large'
  | 'rate_limited'
  | 'conflict'
  | 'password_change_required'
  | 'device_revoked'
  /** A state-changing request whose Origin header names another site (CSRF defence). */
  | 'cross_origin'
  | 'internal';

export interface ApiError {
  error: { code: ErrorCode; message: string; details?: unknown };
}
