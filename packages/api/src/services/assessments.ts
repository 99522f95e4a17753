/**
 * Facility condition assessments: a survey of the buildings and systems on a day, each system rated
 * 1 (unusable) to 5 (good as new). Recorded by the centre or the department; never edited (a later
 * survey is a new assessment), so the history shows how the buildings aged.
 */
import type { Db, Queryable } from '@ansinh/db/client';
import { assessmentRatings, facilityAssessments } from '@ansinh/db/schema/capacity';
import { facilities } from '@ansinh/db/schema/facilities';
import { DomainError } from '@ansinh/domain/errors';
import { canReachFacility, type FacilityScope } from '@ansinh/domain/roles';
import {
  type Assessment,
  type AssessmentInput,
  assessedSystems,
  investmentText,
} from '@ansinh/schemas/investment';
import { type SQL, sql } from 'drizzle-orm';
import { recordAudit } from '../audit.ts';
import type { RequestMeta, SessionUser } from '../context.ts';
import { assertFacilityInScope } from '../scope.ts';
import { invalidInput } from './equipment-common.ts';

interface AssessmentRow extends Record<string, unknown> {
  id: string;
  facility_id: string;
  facility_name: string;
  assessed_on: string;
  assessed_by_name: string | null;
  notes: string | null;
  ratings: { system: Assessment['ratings'][number]['system']; score: number; notes: string | null }[] | null;
  created_ms: number;
}

async function queryAssessments(db: Queryable, where: SQL): Promise<Assessment[]> {
  const result = await db.execute<AssessmentRow>(sql`
    select a.id, a.facility_id, f.name as facility_name, a.assessed_on::text as assessed_on,
      u.full_name as assessed_by_name, a.notes,
      (select json_agg(json_build_object('system', r.system, 'score', r.score, 'notes', r.notes))
        from assessment_ratings r where r.assessment_id = a.id) as ratings,
      (extract(epoch from a.created_at) * 1000)::float8 as created_ms
    from facility_assessments a
    join facilities f on f.id = a.facility_id
    left join users u on u.id = a.assessed_by
    where ${where}
    order by a.assessed_on desc, a.created_at desc, a.id`);
  return result.rows.map((row) => {
    // Systems in their fixed order (roof, water, …), whatever order they were entered in.
    const ratings = (row.ratings ?? [])
      .map((r) => ({ system: r.system, score: Number(r.score), notes: r.notes }))
      .sort((a, b) => assessedSystems.indexOf(a.system) - assessedSystems.indexOf(b.system));
    return {
      id: row.id,
      facilityId: row.facility_id,
      facilityName: row.facility_name,
      assessedOn: row.assessed_on,
      assessedByName: row.assessed_by_name,
      notes: row.notes,
      ratings,
      lowestScore: ratings.length ? Math.min(...ratings.map((r) => r.score)) : null,
      createdAt: new Date(Number(row.created_ms)),
    };
  });
}

export function listAssessments(db: Db, scope: FacilityScope, facilityId: string): Promise<Assessment[]> {
  assertFacilityInScope(scope, facilityId);
  return queryAssessments(db, sql`a.facility_id = ${facilityId}`);
}

/** Out of scope reads as not found, so the answer never reveals another centre's surveys. */
export async function getAssessment(db: Db, scope: FacilityScope, id: string): Promise<Assessment> {
  const [found] = await queryAssessments(db, sql`a.id = ${id}`);
  if (!found || !canReachFacility(scope, found.facilityId)) {
    throw new DomainError('ASSESSMENT_NOT_FOUND');
  }
  return found;
}

export async function createAssessment(
  db: Db,
  actor: SessionUser,
  meta: RequestMeta,
  input: AssessmentInput,
  today: string,
): Promise<Assessment> {
  assertFacilityInScope(actor.scope, input.facilityId);
  if (input.assessedOn > today) throw invalidInput('assessedOn', investmentText('futureDate'));
  return db.transaction(async (tx) => {
    const [facility] = await tx
      .select({ id: facilities.id })
      .from(facilities)
      .where(sql`${facilities.id} = ${input.facilityId}`);
    if (!facility) throw new DomainError('FACILITY_NOT_FOUND');
    const [created] = await tx
      .insert(facilityAssessments)
      .values({
        facilityId: input.facilityId,
        assessedOn: input.assessedOn,
        assessedBy: actor.id,
        notes: input.notes,
      })
      .returning({ id: facilityAssessments.id });
    if (!created) throw new Error('insert returned no row');
    await tx.insert(assessmentRatings).values(input.ratings.map((r) => ({ assessmentId: created.id, ...r })));
    const [assessment] = await queryAssessments(tx, sql`a.id = ${created.id}`);
    if (!assessment) throw new Error('created assessment not found');
    await recordAudit(tx, meta, {
      actorId: actor.id,
      action: 'assessment.create',
      entityType: 'facility_assessment',
      entityId: created.id,
      after: assessment,
    });
    return assessment;
  });
}
