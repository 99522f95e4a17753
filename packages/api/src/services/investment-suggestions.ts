/**
 * Needs offered as draft proposals: the space and staffing gaps of the facility report (the domain's
 * `suggestedNeeds`), and the equipment flags of the equipment feature (items past their useful life,
 * shortfalls against the models' minimum quantities). A suggestion carries pre-filled text and the
 * figures behind it; the person adds the cost and the rest. Creating a draft from one stores those
 * figures, as the server computed them, in the proposal's `origin`.
 */
import type { Db } from '@ansinh/db/client';
import { investmentProposals } from '@ansinh/db/schema/capacity';
import { type SpaceNeed, type StaffingNeed, suggestedNeeds } from '@ansinh/domain/capacity/proposals';
import type { FacilityScope } from '@ansinh/domain/roles';
import {
  type CreateFromSuggestionInput,
  investmentText,
  type ProposalDetail,
  type Suggestion,
  type SuggestionList,
} from '@ansinh/schemas/investment';
import { ceilingKindLabels, comparedFigureLabels, staffRoleLabels } from '@ansinh/schemas/standards';
import { and, eq, inArray, notInArray, sql } from 'drizzle-orm';
import type { RequestMeta, SessionUser } from '../context.ts';
import { depreciationSql, invalidInput } from './equipment-common.ts';
import { equipmentDashboard } from './equipment-dashboard.ts';
import { createProposal } from './investment.ts';
import { facilityStandards } from './standards.ts';

const number = (n: number) => n.toLocaleString('vi-VN');
/** Proposal items hold at most 300 characters. */
const clip = (text: string) => (text.length > 300 ? `${text.slice(0, 299)}…` : text);

type Draft = Omit<Suggestion, 'proposedAs'>;

function spaceSuggestion(need: SpaceNeed, standardsVersionId: string): Draft {
  const where = ceilingKindLabels.vi[need.ceilingKind];
  const basis = need.legalBasis ? ` (${need.legalBasis})` : '';
  return {
    key: need.key,
    kind: 'space',
    category: need.category,
    item: clip(
      `Mở rộng ${where}: thêm tối thiểu ${number(need.minimumAdditionalM2)} m² cho ${number(need.over)} người vượt định mức`,
    ),
    justification:
      `${comparedFigureLabels.vi[need.figure]} là ${number(need.value)}, trong khi ${where} hiện có chỉ ` +
      `đáp ứng ${number(need.ceiling)} người theo định mức ${number(need.m2PerResident)} m²/người${basis}.`,
    costHintVnd: null,
    facts: { ...need, standardsVersionId },
  };
}

function staffingSuggestion(need: StaffingNeed, standardsVersionId: string): Draft {
  const role = staffRoleLabels.vi[need.role].toLowerCase();
  return {
    key: need.key,
    kind: 'staffing',
    category: need.category,
    item: clip(`Bổ sung ${number(need.gap)} ${role}`),
    justification:
      `Theo định mức (Thông tư 33/2017/TT-BLĐTBXH) cơ sở cần ${number(need.required)} ${role}, ` +
      `hiện có ${number(need.recorded)}.`,
    costHintVnd: null,
    facts: { ...need, standardsVersionId },
  };
}

/** Active items past their useful life, one group per model (or per name when no model is given). */
async function pastLifeGroups(db: Db, facilityId: string, today: string) {
  const dep = depreciationSql(today, 'i');
  const result = await db.execute<{
    model_id: string | null;
    name: string;
    quantity: number;
    cost_vnd: number;
    oldest: string;
  }>(sql`
    select i.model_id, min(i.name) as name, sum(i.quantity)::int as quantity,
      sum(i.cost_vnd::float8) as cost_vnd, min(i.acquired_on)::text as oldest
    from equipment_items i
    where i.facility_id = ${facilityId} and i.status <> 'disposed' and ${dep.pastUsefulLife}
    group by i.model_id, case when i.model_id is null then i.name end
    order by min(i.name)`);
  return result.rows;
}

async function equipmentSuggestions(
  db: Db,
  scope: FacilityScope,
  facilityId: string,
  today: string,
): Promise<Draft[]> {
  const [dashboard, pastLife] = await Promise.all([
    equipmentDashboard(db, scope, { facilityId }, today),
    pastLifeGroups(db, facilityId, today),
  ]);
  const drafts: Draft[] = pastLife.map((g) => ({
    key: `equipment:past_life:${g.model_id ?? g.name}`,
    kind: 'equipment_past_life',
    category: 'equipment',
    item: clip(`Thay thế ${number(Number(g.quantity))} ${g.name} đã hết thời gian sử dụng`),
    justification:
      `${number(Number(g.quantity))} ${g.name} đã hết thời gian sử dụng (mua sớm nhất ngày ` +
      `${g.oldest.split('-').reverse().join('/')}). Nguyên giá ${number(Number(g.cost_vnd))} đồng.`,
    // The historical cost: a floor for a replacement bought today, to be revised by the centre.
    costHintVnd: Number(g.cost_vnd),
    facts: {
      modelId: g.model_id,
      name: g.name,
      quantity: Number(g.quantity),
      costVnd: Number(g.cost_vnd),
      oldestAcquiredOn: g.oldest,
    },
  }));
  for (const s of dashboard.shortfalls) {
    drafts.push({
      key: `equipment:shortfall:${s.modelId}`,
      kind: 'equipment_shortfall',
      category: 'equipment',
      item: clip(`Bổ sung ${number(s.lacking)} ${s.modelName} cho đủ số lượng tối thiểu`),
      justification:
        `Định mức tối thiểu ${number(s.required)}, hiện có ${number(s.active)} đang sử dụng: ` +
        `còn thiếu ${number(s.lacking)}.`,
      costHintVnd: null,
      facts: {
        modelId: s.modelId,
        modelName: s.modelName,
        required: s.required,
        active: s.active,
        lacking: s.lacking,
      },
    });
  }
  return drafts;
}

/** Every need of the facility on the day, each marked with the open proposal already made from it. */
export async function proposalSuggestions(
  db: Db,
  scope: FacilityScope,
  facilityId: string,
  today: string,
): Promise<SuggestionList> {
  const [{ report, capacity, staffing }, equipment] = await Promise.all([
    facilityStandards(db, scope, facilityId, today),
    equipmentSuggestions(db, scope, facilityId, today),
  ]);
  const versionId = report.standards.id;
  const drafts: Draft[] = [
    ...suggestedNeeds(capacity, staffing).map((need) =>
      need.kind === 'space' ? spaceSuggestion(need, versionId) : staffingSuggestion(need, versionId),
    ),
    ...equipment,
  ];
  const keys = drafts.map((d) => d.key);
  const open = keys.length
    ? await db
        .select({
          id: investmentProposals.id,
          status: investmentProposals.status,
          key: sql<string>`${investmentProposals.origin} ->> 'key'`,
        })
        .from(investmentProposals)
        .where(
          and(
            eq(investmentProposals.facilityId, facilityId),
            notInArray(investmentProposals.status, ['rejected', 'completed']),
            inArray(sql`${investmentProposals.origin} ->> 'key'`, keys),
          ),
        )
        .orderBy(investmentProposals.createdAt)
    : [];
  const proposed = new Map(open.map((p) => [p.key, { id: p.id, status: p.status }]));
  return {
    facilityId,
    onDate: today,
    suggestions: drafts.map((d) => ({ ...d, proposedAs: proposed.get(d.key) ?? null })),
  };
}

/**
 * A draft from a suggestion found again on the server: its origin is the server's own figures, never
 * what the client sent. The person's fields win over the pre-filled ones.
 */
export async function createFromSuggestion(
  db: Db,
  actor: SessionUser,
  meta: RequestMeta,
  input: CreateFromSuggestionInput,
  today: string,
): Promise<ProposalDetail> {
  const { suggestions } = await proposalSuggestions(db, actor.scope, input.facilityId, today);
  const found = suggestions.find((s) => s.key === input.key);
  if (!found) throw invalidInput('key', investmentText('suggestionGone'));
  const category = input.category ?? found.category;
  if (!category) throw invalidInput('category', investmentText('categoryRequired'));
  return createProposal(
    db,
    actor,
    meta,
    {
      facilityId: input.facilityId,
      item: input.item ?? found.item,
      category,
      estimatedCostVnd: input.estimatedCostVnd,
      priority: input.priority,
      requestedYear: input.requestedYear,
      fundingSource: input.fundingSource,
      justification: input.justification === undefined ? found.justification : input.justification,
    },
    { source: 'suggestion', key: found.key, kind: found.kind, onDate: today, facts: found.facts },
  );
}
