/**
 * Offering a bed to an application, and the three answers: decline (with a reason), withdrawal, and
 * acceptance, which admits the person into that bed in one transaction. Failures part-way through an
 * acceptance must leave nothing behind.
 */
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Caller, type DemoUser, demoUsers, expectTRPCError, useApiHarness } from './harness.ts';
import {
  admit,
  BTXH,
  facilityIds,
  failureOf,
  HUONGDUONG,
  idNumberFor,
  issuesAt,
  openStaysOf,
  uniqueName,
} from './residents-fixtures.ts';
import { application, applicationRow, bedStatus, bedsIn, offersOf } from './waitlist-fixtures.ts';

const h = useApiHarness();

const callers = {} as Record<DemoUser, Caller>;
let ids: Record<string, string>;

beforeAll(async () => {
  for (const user of demoUsers) callers[user] = await h.callerFor(user);
  ids = await facilityIds(h);
});

const fid = (code: string) => ids[code] as string;

/** A fresh TN-BTXH bed, made by its manager. */
async function btxhBed(): Promise<string> {
  return (await bedsIn(callers.manager, fid(BTXH)))[0] as string;
}

/** A waiting application TN-BTXH may see (it asks for a general centre). */
function generalApplication(overrides: Parameters<typeof application>[0] = {}) {
  return callers.planner.waitlist.create(application({ requestedFacilityType: 'general', ...overrides }));
}

/** Everything an acceptance would write, to prove a failed one wrote none of it. */
async function footprint(applicationId: string, bedId: string, fullName: string) {
  return {
    application: await applicationRow(h, applicationId),
    offers: await offersOf(h, applicationId),
    bed: await bedStatus(h, bedId),
    residents: await h.rows(sql`select id from residents where full_name = ${fullName}`),
    assignments: await h.rows(sql`select id from bed_assignments where bed_id = ${bedId}`),
    audits: await h.rows(
      sql`select action from audit_log where entity_id = ${applicationId} and action = 'waitlist.accept'`,
    ),
  };
}

describe('offering a bed', () => {
  it('reserves the bed and marks the application offered, in one audited step', async () => {
    const app = await generalApplication();
    const bedId = await btxhBed();
    const offered = await callers.staff.waitlist.offer({
      applicationId: app.id,
      bedId,
      offeredOn: '2025-08-20',
    });
    expect(offered).toMatchObject({
      status: 'offered',
      version: 2,
      openOffer: { bedId, facilityId: fid(BTXH), offeredOn: '2025-08-20' },
      offers: [{ bedId, status: 'open', offeredByName: 'Lê Thị Lan', roomName: expect.any(String) }],
    });
    // Still in the queue, with its place, until the offer is answered.
    expect(offered.rank).not.toBeNull();
    expect(await bedStatus(h, bedId)).toBe('reserved');
    const beds = await callers.staff.capacity.beds({ facilityId: fid(BTXH) });
    const shown = beds.rooms.flatMap((r) => r.beds).find((b) => b.id === bedId);
    expect(shown?.offeredTo).toEqual({ applicationId: app.id, fullName: app.fullName });
    const audits = await h.rows<{ action: string }>(
      sql`select action from audit_log where entity_id = ${app.id} order by id`,
    );
    expect(audits.map((a) => a.action)).toEqual(['waitlist.create', 'waitlist.offer']);
  });

  it('refuses a reserved, an out-of-service or an occupied bed', async () => {
    const [first, second] = [await generalApplication(), await generalApplication()];
    if (!first || !second) throw new Error('not created');
    const reserved = await btxhBed();
    await callers.manager.waitlist.offer({ applicationId: first.id, bedId: reserved });
    await expectTRPCError(
      callers.manager.waitlist.offer({ applicationId: second.id, bedId: reserved }),
      'CONFLICT',
      'BED_RESERVED',
    );

    const broken = await btxhBed();
    await callers.manager.capacity.updateBed({ id: broken, version: 1, status: 'out_of_service' });
    await expectTRPCError(
      callers.manager.waitlist.offer({ applicationId: second.id, bedId: broken }),
      'PRECONDITION_FAILED',
      'BED_OUT_OF_SERVICE',
    );

    const occupied = await btxhBed();
    await callers.manager.residents.create({
      resident: { fullName: uniqueName(), birthDate: '1940-01-01', sex: 'male', group: 'k1_elderly' },
      admission: { facilityId: fid(BTXH), admittedOn: '2025-08-01', bedId: occupied },
    });
    await expectTRPCError(
      callers.manager.waitlist.offer({ applicationId: second.id, bedId: occupied }),
      'CONFLICT',
      'BED_TAKEN',
    );
    // A bed someone moves into later is promised already too.
    const later = await btxhBed();
    const resident = await admit(callers.manager, fid(BTXH), {}, { admittedOn: '2025-08-01' });
    await h.db.execute(sql`insert into bed_assignments (bed_id, facility_id, resident_id, stay_id, from_on)
      values (${later}, ${fid(BTXH)}, ${resident.id}, ${resident.currentStay?.id}, '2025-09-01')`);
    await expectTRPCError(
      callers.manager.waitlist.offer({ applicationId: second.id, bedId: later, offeredOn: '2025-08-25' }),
      'CONFLICT',
      'BED_TAKEN',
    );

    await expectTRPCError(
      callers.manager.waitlist.offer({
        applicationId: second.id,
        bedId: '00000000-0000-4000-8000-000000000000',
      }),
      'NOT_FOUND',
      'BED_NOT_FOUND',
    );
    expect(await applicationRow(h, second.id)).toMatchObject({ status: 'waiting', version: 1 });
  });

  it('refuses a second offer to the same person and an offer to a closed application', async () => {
    const app = await generalApplication();
    await callers.manager.waitlist.offer({ applicationId: app.id, bedId: await btxhBed() });
    await expectTRPCError(
      callers.manager.waitlist.offer({ applicationId: app.id, bedId: await btxhBed() }),
      'CONFLICT',
      'OFFER_OPEN',
    );
    const closed = await generalApplication();
    await callers.planner.waitlist.withdraw({ id: closed.id, version: 1, reason: 'Đã có nơi khác' });
    await expectTRPCError(
      callers.manager.waitlist.offer({ applicationId: closed.id, bedId: await btxhBed() }),
      'PRECONDITION_FAILED',
      'APPLICATION_CLOSED',
    );
  });

  it('refuses an offer dated before the application or in the future', async () => {
    const app = await generalApplication({ appliedOn: '2025-07-01' });
    const bedId = await btxhBed();
    const early = await failureOf(
      callers.manager.waitlist.offer({ applicationId: app.id, bedId, offeredOn: '2025-06-30' }),
    );
    expect(issuesAt(early, 'offeredOn')).toEqual(['Ngày không được trước ngày nộp đơn']);
    const future = await failureOf(
      callers.manager.waitlist.offer({ applicationId: app.id, bedId, offeredOn: '2025-09-02' }),
    );
    expect(issuesAt(future, 'offeredOn')).toEqual(['Ngày không được ở tương lai']);
  });
});

describe('who may offer and answer', () => {
  it('lets only the people keeping beds offer, and only beds of their own facility', async () => {
    const app = await generalApplication();
    const bedId = await btxhBed();
    // The department files applications but does not hand out a centre's beds.
    await expectTRPCError(callers.planner.waitlist.offer({ applicationId: app.id, bedId }), 'FORBIDDEN');
    // Another centre's staff cannot offer a bed that is not theirs.
    await expectTRPCError(callers.operator.waitlist.offer({ applicationId: app.id, bedId }), 'FORBIDDEN');
    expect(await bedStatus(h, bedId)).toBe('available');

    const theirs = (await bedsIn(callers.operator, fid(HUONGDUONG)))[0] as string;
    const offered = await callers.operator.waitlist.offer({ applicationId: app.id, bedId: theirs });
    const offerId = offered.openOffer?.id as string;
    await expectTRPCError(
      callers.manager.waitlist.declineOffer({ offerId, reason: 'Không phải của tôi' }),
      'FORBIDDEN',
    );
    await expectTRPCError(callers.manager.waitlist.withdrawOffer({ offerId }), 'FORBIDDEN');
    await expectTRPCError(callers.manager.waitlist.acceptOffer({ offerId }), 'FORBIDDEN');
    await expectTRPCError(callers.planner.waitlist.acceptOffer({ offerId }), 'FORBIDDEN');
    expect((await offersOf(h, app.id)).map((o) => o.status)).toEqual(['open']);
    await callers.admin.waitlist.withdrawOffer({ offerId, reason: 'Sở điều phối lại' });
  });

  it('role table: who may offer a bed of their own facility', async () => {
    const expected: Record<DemoUser, 'ok' | 'FORBIDDEN'> = {
      admin: 'ok',
      planner: 'FORBIDDEN',
      manager: 'ok',
      staff: 'ok',
      operator: 'ok',
    };
    for (const user of demoUsers) {
      const own = user === 'operator' ? fid(HUONGDUONG) : fid(BTXH);
      const bedId = (
        await bedsIn(user === 'operator' ? callers.operator : callers.manager, own)
      )[0] as string;
      const app = await generalApplication();
      const outcome = await callers[user].waitlist.offer({ applicationId: app.id, bedId }).then(
        () => 'ok',
        (e: { code?: string }) => e.code,
      );
      expect(outcome, user).toBe(expected[user]);
    }
  });
});

describe('declining and withdrawing an offer', () => {
  it('needs a reason to decline, then frees the bed and puts the person back in the queue', async () => {
    const app = await generalApplication();
    const bedId = await btxhBed();
    const offered = await callers.manager.waitlist.offer({ applicationId: app.id, bedId });
    const offerId = offered.openOffer?.id as string;

    const missing = await failureOf(callers.manager.waitlist.declineOffer({ offerId } as never));
    expect(issuesAt(missing, 'reason')).toEqual(['Vui lòng ghi lý do']);
    const blank = await failureOf(callers.manager.waitlist.declineOffer({ offerId, reason: '  ' }));
    expect(issuesAt(blank, 'reason')).toEqual(['Vui lòng ghi lý do']);
    expect(await bedStatus(h, bedId)).toBe('reserved');

    const declined = await callers.manager.waitlist.declineOffer({
      offerId,
      reason: 'Gia đình muốn ở gần nhà hơn',
    });
    expect(declined).toMatchObject({ status: 'waiting', openOffer: null });
    expect(declined.offers).toEqual([
      expect.objectContaining({
        id: offerId,
        status: 'declined',
        reason: 'Gia đình muốn ở gần nhà hơn',
        decidedOn: '2025-09-01',
        decidedByName: 'Trần Văn Minh',
      }),
    ]);
    expect(await bedStatus(h, bedId)).toBe('available');
    await expectTRPCError(
      callers.manager.waitlist.declineOffer({ offerId, reason: 'Lần hai' }),
      'PRECONDITION_FAILED',
      'OFFER_DECIDED',
    );
    await expectTRPCError(
      callers.manager.waitlist.acceptOffer({ offerId }),
      'PRECONDITION_FAILED',
      'OFFER_DECIDED',
    );
    // The bed and the person can meet again.
    const again = await callers.manager.waitlist.offer({ applicationId: app.id, bedId });
    expect(again.offers.map((o) => o.status)).toEqual(['open', 'declined']);
  });

  it('the database itself refuses a declined offer without a reason', async () => {
    const app = await generalApplication();
    const offered = await callers.manager.waitlist.offer({ applicationId: app.id, bedId: await btxhBed() });
    await expect(
      h.db.execute(
        sql`update bed_offers set status = 'declined', decided_on = '2025-09-01', reason = ' ' where id = ${offered.openOffer?.id}`,
      ),
    ).rejects.toThrow();
  });

  it('withdraws an offer without a reason; a bed taken out of service meanwhile stays so', async () => {
    const app = await generalApplication();
    const bedId = await btxhBed();
    const offered = await callers.manager.waitlist.offer({ applicationId: app.id, bedId });
    const [bed] = await h.rows<{ version: number }>(sql`select version from beds where id = ${bedId}`);
    await callers.manager.capacity.updateBed({
      id: bedId,
      version: bed?.version ?? 0,
      status: 'out_of_service',
    });
    await expectTRPCError(
      callers.manager.waitlist.acceptOffer({ offerId: offered.openOffer?.id as string }),
      'PRECONDITION_FAILED',
      'BED_OUT_OF_SERVICE',
    );
    const withdrawn = await callers.manager.waitlist.withdrawOffer({
      offerId: offered.openOffer?.id as string,
    });
    expect(withdrawn).toMatchObject({
      status: 'waiting',
      offers: [expect.objectContaining({ status: 'withdrawn' })],
    });
    expect(await bedStatus(h, bedId)).toBe('out_of_service');
  });

  it('refuses an answer dated before the offer', async () => {
    const app = await generalApplication({ appliedOn: '2025-07-01' });
    const offered = await callers.manager.waitlist.offer({
      applicationId: app.id,
      bedId: await btxhBed(),
      offeredOn: '2025-08-10',
    });
    const error = await failureOf(
      callers.manager.waitlist.declineOffer({
        offerId: offered.openOffer?.id as string,
        reason: 'Không đồng ý',
        decidedOn: '2025-08-09',
      }),
    );
    expect(issuesAt(error, 'decidedOn')).toEqual(['Ngày không được trước ngày đề nghị giường']);
  });
});

describe('accepting an offer', () => {
  it('admits the person into the offered bed and closes the application, all at once', async () => {
    const birthDate = '1943-03-03';
    const idNumber = idNumberFor(birthDate, 'female');
    const app = await generalApplication({
      idNumber,
      birthDate,
      homeCommuneCode: '05710',
      vulnerability: { lonelyElderly: true, disabilityLevel: 'severe' },
    });
    const bedId = await btxhBed();
    const offered = await callers.manager.waitlist.offer({
      applicationId: app.id,
      bedId,
      offeredOn: '2025-08-25',
    });
    const result = await callers.staff.waitlist.acceptOffer({
      offerId: offered.openOffer?.id as string,
      acceptedOn: '2025-08-28',
      decisionNumber: '77/QĐ-TTBTXH',
      resident: { ethnicity: 'Tày' },
    });

    expect(result.application).toMatchObject({
      status: 'admitted',
      residentId: result.residentId,
      closedOn: '2025-08-28',
      rank: null,
      openOffer: null,
      offers: [expect.objectContaining({ status: 'accepted', decidedOn: '2025-08-28' })],
    });
    const resident = await callers.staff.residents.byId({ id: result.residentId });
    expect(resident).toMatchObject({
      fullName: app.fullName,
      birthDate,
      sex: 'female',
      idNumber,
      homeCommuneCode: '05710',
      group: 'k1_elderly',
      ethnicity: 'Tày',
      lonelyElderly: true,
      disabilityLevel: 'severe',
      // Not recorded on the application: stays "not recorded", never a guessed "no".
      orphanOrAbandoned: null,
      currentStay: {
        facilityId: fid(BTXH),
        admittedOn: '2025-08-28',
        admissionDecisionNumber: '77/QĐ-TTBTXH',
      },
      currentBed: { bedId, fromOn: '2025-08-28' },
    });
    expect(await bedStatus(h, bedId)).toBe('available');
    const beds = await callers.staff.capacity.beds({ facilityId: fid(BTXH) });
    const shown = beds.rooms.flatMap((r) => r.beds).find((b) => b.id === bedId);
    expect(shown).toMatchObject({ occupant: { residentId: result.residentId }, offeredTo: null });
    const audits = await h.rows<{ action: string; entity_id: string }>(
      sql`select action, entity_id from audit_log where entity_id in (${app.id}, ${result.residentId}) order by id`,
    );
    expect(audits.map((a) => a.action)).toEqual([
      'waitlist.create',
      'waitlist.offer',
      'resident.admit',
      'waitlist.accept',
    ]);
    // Someone in care cannot be put on the waitlist again.
    await expectTRPCError(
      callers.planner.waitlist.create(application({ idNumber, birthDate })),
      'CONFLICT',
      'ID_NUMBER_IN_CARE',
    );
  });

  it('asks for what a resident record needs and the application lacked, with the field named', async () => {
    const app = await generalApplication({ birthDate: null });
    const bedId = await btxhBed();
    const offered = await callers.manager.waitlist.offer({ applicationId: app.id, bedId });
    const offerId = offered.openOffer?.id as string;
    const before = await footprint(app.id, bedId, app.fullName);

    const error = await failureOf(callers.manager.waitlist.acceptOffer({ offerId }));
    expect(issuesAt(error, 'resident.birthDate')).toEqual(['Vui lòng nhập thông tin này']);
    expect(await footprint(app.id, bedId, app.fullName)).toEqual(before);

    const result = await callers.manager.waitlist.acceptOffer({
      offerId,
      resident: { birthDate: '1938-12-12' },
    });
    const resident = await callers.manager.residents.byId({ id: result.residentId });
    expect(resident.birthDate).toBe('1938-12-12');
  });

  it('leaves nothing behind when the ID number turns out to be in care already (a failure mid-way)', async () => {
    const birthDate = '1941-01-21';
    const idNumber = idNumberFor(birthDate, 'male');
    const app = await generalApplication({ idNumber, birthDate, sex: 'male' });
    const bedId = await btxhBed();
    const offered = await callers.manager.waitlist.offer({ applicationId: app.id, bedId });
    // Meanwhile the same person is admitted elsewhere, directly.
    await admit(callers.operator, fid(HUONGDUONG), {
      idNumber,
      birthDate,
      sex: 'male',
      group: 'k1_elderly',
      orphanOrAbandoned: null,
    });
    const before = await footprint(app.id, bedId, app.fullName);

    await expectTRPCError(
      callers.manager.waitlist.acceptOffer({ offerId: offered.openOffer?.id as string }),
      'CONFLICT',
      'ID_NUMBER_IN_CARE',
    );
    const after = await footprint(app.id, bedId, app.fullName);
    expect(after).toEqual(before);
    expect(after).toMatchObject({
      application: { status: 'offered' },
      offers: [{ status: 'open' }],
      bed: 'reserved',
      residents: [],
      assignments: [],
      audits: [],
    });
  });

  it('leaves nothing behind when the bed is taken behind its back (the assignment fails last)', async () => {
    const app = await generalApplication();
    const bedId = await btxhBed();
    const offered = await callers.manager.waitlist.offer({ applicationId: app.id, bedId });
    // Someone writes straight into the database, past every check of the API.
    const squatter = await admit(callers.manager, fid(BTXH), {}, { admittedOn: '2025-08-01' });
    await h.db.execute(sql`insert into bed_assignments (bed_id, facility_id, resident_id, stay_id, from_on)
      values (${bedId}, ${fid(BTXH)}, ${squatter.id}, ${squatter.currentStay?.id}, '2025-08-01')`);
    const before = await footprint(app.id, bedId, app.fullName);

    await expectTRPCError(
      callers.manager.waitlist.acceptOffer({ offerId: offered.openOffer?.id as string }),
      'CONFLICT',
      'BED_TAKEN',
    );
    expect(await footprint(app.id, bedId, app.fullName)).toEqual(before);
    const strays = await h.rows(
      sql`select s.id from stays s join residents r on r.id = s.resident_id where r.full_name = ${app.fullName}`,
    );
    expect(strays).toEqual([]);
    expect(await openStaysOf(h, squatter.id)).toHaveLength(1);
  });

  it('refuses an acceptance dated before the offer', async () => {
    const app = await generalApplication({ appliedOn: '2025-07-01' });
    const offered = await callers.manager.waitlist.offer({
      applicationId: app.id,
      bedId: await btxhBed(),
      offeredOn: '2025-08-10',
    });
    const error = await failureOf(
      callers.manager.waitlist.acceptOffer({
        offerId: offered.openOffer?.id as string,
        acceptedOn: '2025-08-01',
      }),
    );
    expect(issuesAt(error, 'acceptedOn')).toEqual(['Ngày không được trước ngày đề nghị giường']);
  });

  it('answers NOT_FOUND for an unknown offer', async () => {
    await expectTRPCError(
      callers.manager.waitlist.acceptOffer({ offerId: '00000000-0000-4000-8000-000000000000' }),
      'NOT_FOUND',
      'OFFER_NOT_FOUND',
    );
  });
});
