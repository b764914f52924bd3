import type { Channel, LifecycleStage, NeedCategory, TouchpointKind } from '@qihe/domain';
import type { ApiProblem } from '../api/errors';
import type { SiteTouchpointInput } from './site-api';

// The short flow as the agent fills it in, and the contract's rules checked
// before sending (the site checks them again; its message wins when it differs).

export interface ShortFlowState {
  customerId: string;
  channel: Channel;
  kind: TouchpointKind;
  stage: LifecycleStage;
  needCategory: NeedCategory;
  description: string;
  served: boolean;
  action: string;
  /** What the agent typed over the timer ('95', '1:35'); null while the timer counts. */
  handleText: string | null;
  resolved: boolean;
  firstContact: boolean;
  knowledgeRefs: string;
  knowledgeCreated: boolean;
  handoffUnitId: string;
  commitmentCode: string;
  commitmentMet: boolean;
  /** A code of the site's perception-point catalogue; '' = by need (the first point for it). */
  perceptionPoint: string;
  /** '' = satisfaction later. */
  score: string;
  comment: string;
}

export type FormField = keyof ShortFlowState | 'handleSeconds';

/** A check that failed: the field and an i18n key with its values (the message names the field). */
export interface FieldIssue {
  field: FormField;
  key: string;
  values?: Record<string, number | string>;
}

export const LIMITS = {
  customerId: 200,
  description: 2000,
  action: 500,
  handleSeconds: 86400,
  knowledgeRef: 200,
  knowledgeRefs: 100,
  handoffUnitId: 64,
  commitmentCode: 100,
  comment: 2000,
} as const;

export function initialShortFlow(keep?: Partial<Pick<ShortFlowState, 'channel' | 'kind' | 'stage'>>): ShortFlowState {
  return {
    customerId: '',
    channel: keep?.channel ?? 'PHONE',
    kind: keep?.kind ?? 'SERVICE',
    stage: keep?.stage ?? 'AFTER_SALE',
    needCategory: 'CONSULTATION',
    description: '',
    served: true,
    action: '',
    handleText: null,
    resolved: true,
    firstContact: true,
    knowledgeRefs: '',
    knowledgeCreated: false,
    handoffUnitId: '',
    commitmentCode: '',
    commitmentMet: true,
    perceptionPoint: '',
    score: '',
    comment: '',
  };
}

/** '95' → 95, '1:35' → 95, '1:02:03' → 3723; NaN when it is neither. */
export function parseDuration(text: string): number {
  const t = text.trim();
  if (/^\d+$/.test(t)) return Number(t);
  const m = /^(?:(\d+):)?(\d{1,2}):(\d{2})$/.exec(t);
  if (!m) return Number.NaN;
  return Number(m[1] ?? 0) * 3600 + Number(m[2]) * 60 + Number(m[3]);
}

export const splitRefs = (text: string): string[] =>
  text
    .split(/[,，;\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);

export function handleSecondsOf(s: ShortFlowState, timerSeconds: number): number {
  return s.handleText == null ? Math.floor(timerSeconds) : parseDuration(s.handleText);
}

/** Every rule the contract states for the fields of this form; [] when it may be sent. */
export function checkShortFlow(s: ShortFlowState, timerSeconds: number): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const max = (field: FormField, value: string, limit: number): void => {
    if (value.length > limit) issues.push({ field, key: 'validation.maxLength', values: { max: limit, actual: value.length } });
  };
  if (!s.customerId.trim()) issues.push({ field: 'customerId', key: 'validation.required' });
  max('customerId', s.customerId.trim(), LIMITS.customerId);
  max('description', s.description, LIMITS.description);
  if (s.served) {
    const action = s.action.trim();
    if (action.length === 0) issues.push({ field: 'action', key: 'validation.required' });
    max('action', action, LIMITS.action);
    const secs = handleSecondsOf(s, timerSeconds);
    if (!Number.isInteger(secs) || secs < 0 || secs > LIMITS.handleSeconds) {
      issues.push({ field: 'handleSeconds', key: 'validation.handleSeconds', values: { max: LIMITS.handleSeconds } });
    }
    const refs = splitRefs(s.knowledgeRefs);
    if (refs.length > LIMITS.knowledgeRefs) issues.push({ field: 'knowledgeRefs', key: 'validation.maxItems', values: { max: LIMITS.knowledgeRefs } });
    if (refs.some((r) => r.length > LIMITS.knowledgeRef)) issues.push({ field: 'knowledgeRefs', key: 'validation.itemLength', values: { max: LIMITS.knowledgeRef } });
    max('handoffUnitId', s.handoffUnitId.trim(), LIMITS.handoffUnitId);
    max('commitmentCode', s.commitmentCode.trim(), LIMITS.commitmentCode);
  }
  if (s.score.trim() !== '' && !/^[1-5]$/.test(s.score.trim())) issues.push({ field: 'score', key: 'validation.score' });
  max('comment', s.comment, LIMITS.comment);
  return issues;
}

const orNull = (v: string): string | null => (v.trim() === '' ? null : v.trim());

/** The SiteTouchpointInput for a valid form (check first). */
export function toSiteInput(s: ShortFlowState, timerSeconds: number, unitId?: string): SiteTouchpointInput {
  const refs = splitRefs(s.knowledgeRefs);
  const code = s.commitmentCode.trim();
  return {
    ...(unitId ? { unitId } : {}),
    customerId: s.customerId.trim(),
    channel: s.channel,
    kind: s.kind,
    stage: s.stage,
    need: { category: s.needCategory, description: s.description.trim() === '' ? null : s.description },
    service: s.served
      ? {
          action: s.action.trim(),
          handleSeconds: handleSecondsOf(s, timerSeconds),
          resolved: s.resolved,
          firstContact: s.firstContact,
          knowledgeRefs: refs.length ? refs : null,
          knowledgeCreated: s.knowledgeCreated,
          handoffUnitId: orNull(s.handoffUnitId),
          commitment: code ? { code, met: s.commitmentMet } : null,
        }
      : null,
    satisfaction: s.score.trim() ? { score: Number(s.score.trim()), comment: s.comment.trim() === '' ? null : s.comment } : null,
    // Only when picked: without one the gateway settles membership by need.
    ...(s.perceptionPoint ? { perceptionPoint: s.perceptionPoint } : {}),
  };
}

// The contract's field paths (as the site and gateway name them) → this form's fields.
const SERVER_FIELDS: [string, FormField][] = [
  ['service.commitment.code', 'commitmentCode'],
  ['service.commitment.met', 'commitmentMet'],
  ['service.commitment', 'commitmentCode'],
  ['service.handleSeconds', 'handleSeconds'],
  ['service.knowledgeRefs', 'knowledgeRefs'],
  ['service.knowledgeCreated', 'knowledgeCreated'],
  ['service.handoffUnitId', 'handoffUnitId'],
  ['service.firstContact', 'firstContact'],
  ['service.resolved', 'resolved'],
  ['service.action', 'action'],
  ['satisfaction.comment', 'comment'],
  ['satisfaction.score', 'score'],
  ['need.description', 'description'],
  ['need.category', 'needCategory'],
  ['handoffUnitId', 'handoffUnitId'],
  ['perceptionPoint', 'perceptionPoint'],
  ['customerId', 'customerId'],
  ['channel', 'channel'],
  ['stage', 'stage'],
  ['kind', 'kind'],
];

/**
 * Which form field a BAD_USER_INPUT is about: the error's `field` extension
 * when given (with any `input.` / index prefix dropped), else the first
 * field path its message names. null: show it above the form.
 */
export function formFieldOf(problem: ApiProblem): FormField | null {
  const path = (problem.field ?? '').replace(/^(input\.)?(\[?\d+\]?\.)?/, '').replace(/\.\d+$/, '');
  if (path) {
    const hit = SERVER_FIELDS.find(([p]) => path === p || path.startsWith(`${p}.`));
    if (hit) return hit[1];
  }
  const inMessage = SERVER_FIELDS.find(([p]) => new RegExp(`\\b${p.replace(/\./g, '\\.')}\\b`).test(problem.message));
  return inMessage ? inMessage[1] : null;
}
