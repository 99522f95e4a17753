import type { RoleRequirement, StaffingResult } from './staffing.ts';
import type { CapacityResult, CeilingKind, ComparedFigure } from './standards.ts';

/**
 * Investment and upgrade proposals: what a centre asks the department to fund, and how a proposal
 * moves from draft to completed. The workflow is a transition table: a move not in it is refused.
 *
 *   draft ──centre──▶ submitted ──department──▶ under_review ──department──▶ approved ──▶ funded ──▶ completed
 *     ▲                   │                           │                        (department)  (department)
 *     └──────centre───────┘                           └──department──▶ rejected ──centre──▶ draft
 *
 * Decisions:
 * - Only the centre writes and submits its proposals; only the department reviews, decides, funds and
 *   closes them.
 * - A submitted proposal may be taken back to draft by the centre (to correct it) as long as the
 *   department has not started the review; after that the centre waits for the decision.
 * - A submitted proposal cannot be rejected without a review: a rejection is a review's outcome, so
 *   every rejection follows under_review and carries the reviewer's assessment. (The API may move a
 *   proposal through both steps in one action if the department wants a quick rejection.)
 * - A rejected proposal may be returned to draft by the centre, revised and submitted again; the
 *   events table keeps the rejection on record. Nothing else leaves rejected.
 * - approved → funded → completed are recorded by the department (it allocates the funds and accepts
 *   the work). completed is final.
 */

export const proposalStatusValues = [
  'draft',
  'submitted',
  'under_review',
  'approved',
  'rejected',
  'funded',
  'completed',
] as const;
export type ProposalStatus = (typeof proposalStatusValues)[number];

export const proposalSideValues = ['centre', 'department'] as const;
export type ProposalSide = (typeof proposalSideValues)[number];

export const proposalCategoryValues = ['construction', 'repair', 'equipment', 'it'] as const;
export type ProposalCategory = (typeof proposalCategoryValues)[number];

export const fundingSourceValues = ['provincial_budget', 'central', 'socialised', 'other'] as const;
export type FundingSource = (typeof fundingSourceValues)[number];

/** Building systems rated in a facility condition assessment. */
export const assessedSystemValues = [
  'roof',
  'water',
  'electricity',
  'fire_safety',
  'accessibility',
  'kitchen',
] as const;
export type AssessedSystem = (typeof assessedSystemValues)[number];

export interface ProposalTransition {
  from: ProposalStatus;
  to: ProposalStatus;
  side: ProposalSide;
}

export const proposalTransitions: readonly ProposalTransition[] = Object.freeze([
  { from: 'draft', to: 'submitted', side: 'centre' },
  { from: 'submitted', to: 'draft', side: 'centre' },
  { from: 'submitted', to: 'under_review', side: 'department' },
  { from: 'under_review', to: 'approved', side: 'department' },
  { from: 'under_review', to: 'rejected', side: 'department' },
  { from: 'rejected', to: 'draft', side: 'centre' },
  { from: 'approved', to: 'funded', side: 'department' },
  { from: 'funded', to: 'completed', side: 'department' },
]);

export function canMoveProposal(from: ProposalStatus, to: ProposalStatus, side: ProposalSide): boolean {
  return proposalTransitions.some((t) => t.from === from && t.to === to && t.side === side);
}

/** Where `side` may move a proposal from `from`, in table order. */
export function nextProposalStatuses(from: ProposalStatus, side: ProposalSide): ProposalStatus[] {
  return proposalTransitions.filter((t) => t.from === from && t.side === side).map((t) => t.to);
}

/** Only a draft is edited, and only by the centre; other statuses change by transitions. */
export function canEditProposal(status: ProposalStatus, side: ProposalSide): boolean {
  return status === 'draft' && side === 'centre';
}

// ---------------------------------------------------------------------------------------------------
// Needs offered as draft proposals

/**
 * Space beyond a ceiling: "licensed for 60, the bedrooms allow 50: 10 residents, at least 60 m² more".
 * Category construction: more space is built (or the capacity lowered, which is not a proposal).
 */
export interface SpaceNeed {
  kind: 'space';
  /** Stable key to recognise the same need again: 'space:bedroom', 'space:land'. */
  key: string;
  category: 'construction';
  ceilingKind: CeilingKind;
  ceiling: number;
  figure: ComparedFigure;
  value: number;
  /** Residents beyond the ceiling. */
  over: number;
  m2PerResident: number;
  /** over × m2PerResident: the least area to add (bedrooms: the least demanding standard in use). */
  minimumAdditionalM2: number;
  legalBasis: string | null;
}

/**
 * Staff short of the norm. No category: the categories are for physical investment, and a staffing
 * gap is a recruitment need; the API decides how (or whether) to offer it as a proposal.
 */
export interface StaffingNeed {
  kind: 'staffing';
  /** 'staffing:carer', 'staffing:medical', … */
  key: string;
  category: null;
  role: RoleRequirement['role'];
  required: number;
  recorded: number;
  /** Staff missing (gap > 0). */
  gap: number;
}

export type SuggestedNeed = SpaceNeed | StaffingNeed;

/**
 * Gaps in space and staffing standards, offered as draft proposals: one space need per ceiling that a
 * capacity figure exceeds (the largest excess for that ceiling), then one staffing need per role short
 * of its requirement. Rooms with more beds than their own area allows while the facility as a whole
 * is within its ceiling are a matter of rearranging beds, not of investment, and are not offered.
 */
export function suggestedNeeds(
  capacity: CapacityResult | null,
  staffing: StaffingResult | null,
): SuggestedNeed[] {
  const needs: SuggestedNeed[] = [];
  if (capacity) {
    for (const ceilingKind of ['bedroom', 'land'] as const) {
      let worst = null;
      for (const check of capacity.checks) {
        if (check.ceilingKind === ceilingKind && check.over > (worst?.over ?? 0)) worst = check;
      }
      if (worst === null) continue;
      const standard =
        ceilingKind === 'bedroom'
          ? {
              m2PerResident: minimumBedroomM2(capacity),
              legalBasis: capacity.bedroom?.legalBasis ?? null,
            }
          : {
              m2PerResident: capacity.land?.m2PerResident ?? 0,
              legalBasis: capacity.land?.legalBasis ?? null,
            };
      needs.push({
        kind: 'space',
        key: `space:${ceilingKind}`,
        category: 'construction',
        ceilingKind,
        ceiling: worst.ceiling,
        figure: worst.figure,
        value: worst.value,
        over: worst.over,
        m2PerResident: standard.m2PerResident,
        minimumAdditionalM2: Math.round(worst.over * standard.m2PerResident * 100) / 100,
        legalBasis: standard.legalBasis,
      });
    }
  }
  if (staffing) {
    for (const role of staffing.roles) {
      if (role.gap <= 0) continue;
      needs.push({
        kind: 'staffing',
        key: `staffing:${role.role}`,
        category: null,
        role: role.role,
        required: role.required,
        recorded: role.recorded,
        gap: role.gap,
      });
    }
  }
  return needs;
}

/** The smallest bedroom standard in use: what each extra resident needs at least. */
function minimumBedroomM2(capacity: CapacityResult): number {
  const bedroom = capacity.bedroom;
  if (!bedroom) return 0;
  if (bedroom.m2PerResident !== null) return bedroom.m2PerResident;
  let least = Number.POSITIVE_INFINITY;
  for (const room of bedroom.rooms) least = Math.min(least, room.m2PerResident);
  return Number.isFinite(least) ? least : 0;
}
