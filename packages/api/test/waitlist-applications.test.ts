/**
 * Waitlist applications: who may file, read and change them (the department sees all; a centre sees
 * those for its facility or its facility's type, plus those it has offered a bed to), the validation
 * messages, the version check, withdrawal, and the list (filters, search, sort, paging, export).
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
  sheetRows,
  TREEM,
  uniqueName,
} from './residents-fixtures.ts';
import { application, bedsIn } from './waitlist-fixtures.ts';

const h = useApiHarness();

const callers = {} as Record<DemoUser, Caller>;
let ids: Record<string, string>;

beforeAll(async () => {
  for (const user of demoUsers) callers[user] = await h.callerFor(user);
  ids = await facilityIds(h);
});

const fid = (code: string) => ids[code] as string;

describe('filing an application', () => {
  it('stores the person, the request and the facts, audits it, and ranks it in the queue', async () => {
    const created = await callers.planner.waitlist.create(
      application({
        fullName: '  Nguyễn   Thị Hoà ',
        urgency: 'high',
        vulnerability: { lonelyElderly: true, disabilityLevel: 'severe' },
        notes: 'Con cháu đi làm xa',
      }),
    );
    expect(created).toMatchObject({
      fullName: 'Nguyễn Thị Hoà',
      status: 'waiting',
      urgency: 'high',
      vulnerability: { lonelyElderly: true, disabilityLevel: 'severe' },
      requestedFacilityType: 'elderly',
      effectiveFacilityType: 'elderly',
      homeCommuneName: expect.any(String),
      waitingDays: 92,
      version: 1,
      offers: [],
      openOffer: null,
    });
    expect(created.rank).toBeGreaterThanOrEqual(1);
    expect(created.rank).toBeLessThanOrEqual(created.queueSize);
    expect(created.explanation?.scores.map((s) => s.kind)).toEqual(['urgency', 'need', 'waiting_time']);
    const audits = await h.rows<{ action: string; actor_id: string }>(
      sql`select action, actor_id from audit_log where entity_type = 'waitlist_application' and entity_id = ${created.id}`,
    );
    expect(audits).toEqual([{ action: 'waitlist.create', actor_id: await h.userId('planner') }]);
  });

  it('takes the type of the requested facility when only the facility is named', async () => {
    const created = await callers.planner.waitlist.create(
      application({
        requestedFacilityType: null,
        requestedFacilityId: fid(TREEM),
        group: 'k1_child_no_support',
      }),
    );
    expect(created).toMatchObject({
      requestedFacilityId: fid(TREEM),
      requestedFacilityName: expect.stringContaining('trẻ em'),
      effectiveFacilityType: 'children',
    });
  });

  it('explains refusals in Vietnamese, next to the field', async () => {
    const error = await failureOf(
      callers.planner.waitlist.create(
        application({
          fullName: 'A',
          requestedFacilityType: null,
          idNumber: '12345',
          homeCommuneCode: '123',
        }),
      ),
    );
    expect(issuesAt(error, 'fullName')).toEqual(['Cần ít nhất 2 ký tự']);
    expect(issuesAt(error, 'requestedFacilityId')).toEqual([
      'Chọn cơ sở hoặc loại hình cơ sở đề nghị tiếp nhận',
    ]);
    expect(issuesAt(error, 'idNumber')).toEqual(['Số định danh gồm 12 chữ số (hoặc 9 chữ số với CMND cũ)']);
    expect(issuesAt(error, 'homeCommuneCode')).toEqual(['Mã xã/phường gồm 5 chữ số']);
  });

  it('requires the person, the group, the urgency and the date', async () => {
    const error = await failureOf(callers.planner.waitlist.create({} as never));
    for (const field of ['fullName', 'sex', 'homeCommuneCode', 'group', 'urgency', 'appliedOn'])
      expect(issuesAt(error, field), field).toEqual(['Vui lòng nhập thông tin này']);
  });

  it('refuses an application dated in the future and a birth after it', async () => {
    const future = await failureOf(callers.planner.waitlist.create(application({ appliedOn: '2025-09-02' })));
    expect(issuesAt(future, 'appliedOn')).toEqual(['Ngày không được ở tương lai']);
    const born = await failureOf(
      callers.planner.waitlist.create(application({ birthDate: '2025-07-01', appliedOn: '2025-06-01' })),
    );
    expect(issuesAt(born, 'birthDate')).toEqual(['Ngày sinh không được sau ngày nộp đơn']);
  });

  it('checks an ID number against the sex and birth date it is given with', async () => {
    const idNumber = idNumberFor('1944-04-04', 'male');
    const error = await failureOf(callers.planner.waitlist.create(application({ idNumber, sex: 'female' })));
    expect(issuesAt(error, 'idNumber')).toHaveLength(1);
    // Without a birth date the number is still accepted when the sex digit agrees.
    const ok = await callers.planner.waitlist.create(application({ idNumber, sex: 'male', birthDate: null }));
    expect(ok.idNumber).toBe(idNumber);
  });

  it('refuses a second open application for the same ID number, but not after the first is closed', async () => {
    const idNumber = idNumberFor('1950-02-02', 'female');
    const first = await callers.planner.waitlist.create(application({ idNumber, birthDate: '1950-02-02' }));
    await expectTRPCError(
      callers.admin.waitlist.create(application({ idNumber, birthDate: '1950-02-02' })),
      'CONFLICT',
      'ALREADY_ON_WAITLIST',
    );
    await callers.planner.waitlist.withdraw({
      id: first.id,
      version: first.version,
      reason: 'Gia đình đón về',
    });
    const again = await callers.planner.waitlist.create(application({ idNumber, birthDate: '1950-02-02' }));
    expect(again.status).toBe('waiting');
  });

  it('refuses someone already in care', async () => {
    const birthDate = '1949-09-09';
    const idNumber = idNumberFor(birthDate, 'female');
    await admit(callers.manager, fid(BTXH), { idNumber, birthDate, sex: 'female', group: 'k1_elderly' });
    await expectTRPCError(
      callers.planner.waitlist.create(application({ idNumber, birthDate })),
      'CONFLICT',
      'ID_NUMBER_IN_CARE',
    );
  });

  it('refuses an unknown commune or facility with the field named', async () => {
    await expectTRPCError(
      callers.planner.waitlist.create(application({ homeCommuneCode: '99999' })),
      'NOT_FOUND',
      'COMMUNE_NOT_FOUND',
    );
    await expectTRPCError(
      callers.planner.waitlist.create(
        application({ requestedFacilityId: '00000000-0000-4000-8000-000000000000' }),
      ),
      'NOT_FOUND',
      'FACILITY_NOT_FOUND',
    );
  });
});

describe('who may file and see applications', () => {
  it('lets every role read the list, the priority and the metrics', async () => {
    for (const user of demoUsers) {
      await expect(callers[user].waitlist.list({})).resolves.toBeDefined();
      await expect(callers[user].waitlist.priority()).resolves.toBeDefined();
      await expect(callers[user].waitlist.metrics()).resolves.toBeDefined();
    }
  });

  it('refuses a signed-out caller', async () => {
    const anonymous = await h.callerFor(null);
    await expectTRPCError(anonymous.waitlist.list({}), 'UNAUTHORIZED', 'NOT_SIGNED_IN');
    await expectTRPCError(anonymous.waitlist.create(application()), 'UNAUTHORIZED', 'NOT_SIGNED_IN');
  });

  it('lets a centre file for its own facility or type, never for another centre', async () => {
    const own = await callers.staff.waitlist.create(
      application({ requestedFacilityType: null, requestedFacilityId: fid(BTXH) }),
    );
    expect(own.requestedFacilityId).toBe(fid(BTXH));
    // TN-BTXH is a general centre: the general type is its own.
    await expect(
      callers.manager.waitlist.create(application({ requestedFacilityType: 'general' })),
    ).resolves.toMatchObject({ requestedFacilityType: 'general' });
    await expectTRPCError(
      callers.manager.waitlist.create(
        application({ requestedFacilityType: null, requestedFacilityId: fid(TREEM) }),
      ),
      'FORBIDDEN',
    );
    await expectTRPCError(
      callers.operator.waitlist.create(application({ requestedFacilityType: 'elderly' })),
      'FORBIDDEN',
    );
  });

  it('shows a centre the applications for its facility, its type, or offered its beds — nothing else', async () => {
    const forBtxh = await callers.planner.waitlist.create(
      application({
        requestedFacilityType: null,
        requestedFacilityId: fid(BTXH),
        fullName: uniqueName('Phạm'),
      }),
    );
    const forGeneral = await callers.planner.waitlist.create(
      application({ requestedFacilityType: 'general', fullName: uniqueName('Phạm') }),
    );
    const forTreem = await callers.planner.waitlist.create(
      application({
        requestedFacilityType: null,
        requestedFacilityId: fid(TREEM),
        group: 'k1_child_no_support',
        fullName: uniqueName('Phạm'),
      }),
    );
    const idsOf = async (caller: Caller) =>
      (await caller.waitlist.list({ search: 'Phạm', status: 'all', pageSize: 100 })).items.map((i) => i.id);

    expect(await idsOf(callers.manager)).toEqual(expect.arrayContaining([forBtxh.id, forGeneral.id]));
    expect(await idsOf(callers.manager)).not.toContain(forTreem.id);
    // The operator's centre is general too, but TN-BTXH itself is not theirs.
    expect(await idsOf(callers.operator)).toContain(forGeneral.id);
    expect(await idsOf(callers.operator)).not.toContain(forBtxh.id);
    expect(await idsOf(callers.planner)).toEqual(
      expect.arrayContaining([forBtxh.id, forGeneral.id, forTreem.id]),
    );

    await expectTRPCError(callers.manager.waitlist.byId({ id: forTreem.id }), 'FORBIDDEN');
    await expectTRPCError(
      callers.manager.waitlist.update({ id: forTreem.id, version: 1, notes: 'x' }),
      'FORBIDDEN',
    );
    await expectTRPCError(
      callers.operator.waitlist.withdraw({ id: forBtxh.id, version: 1, reason: 'Không rõ' }),
      'FORBIDDEN',
    );

    // Once TN-BTXH offers one of its beds, the application is theirs to follow, and only their offer shows.
    const [bed] = await bedsIn(callers.manager, fid(BTXH));
    await callers.manager.waitlist.offer({ applicationId: forTreem.id, bedId: bed as string });
    expect(await idsOf(callers.manager)).toContain(forTreem.id);
    const seen = await callers.manager.waitlist.byId({ id: forTreem.id });
    expect(seen.offers.map((o) => o.facilityId)).toEqual([fid(BTXH)]);
    expect(await idsOf(callers.operator)).not.toContain(forTreem.id);
  });

  it('answers NOT_FOUND for an application that does not exist', async () => {
    await expectTRPCError(
      callers.admin.waitlist.byId({ id: '00000000-0000-4000-8000-000000000000' }),
      'NOT_FOUND',
      'APPLICATION_NOT_FOUND',
    );
  });
});

describe('changing and withdrawing an application', () => {
  it('updates with a version check, re-validates the whole record, and audits before and after', async () => {
    const created = await callers.planner.waitlist.create(application());
    const updated = await callers.planner.waitlist.update({
      id: created.id,
      version: created.version,
      urgency: 'emergency',
      notes: 'Bị bỏ rơi, cần tiếp nhận ngay',
    });
    expect(updated).toMatchObject({ urgency: 'emergency', version: 2, fullName: created.fullName });
    await expectTRPCError(
      callers.planner.waitlist.update({ id: created.id, version: created.version, urgency: 'normal' }),
      'CONFLICT',
      'STALE_VERSION',
    );
    // Clearing the requested type leaves nothing requested: the merged record is refused.
    const error = await failureOf(
      callers.planner.waitlist.update({ id: created.id, version: 2, requestedFacilityType: null }),
    );
    expect(issuesAt(error, 'requestedFacilityId')).toEqual([
      'Chọn cơ sở hoặc loại hình cơ sở đề nghị tiếp nhận',
    ]);
    const [audit] = await h.rows<{ before: { urgency: string }; after: { urgency: string } }>(
      sql`select before, after from audit_log where entity_id = ${created.id} and action = 'waitlist.update'`,
    );
    expect(audit?.before.urgency).toBe('normal');
    expect(audit?.after.urgency).toBe('emergency');
  });

  it('does not let a centre move an application out of its own scope', async () => {
    const created = await callers.manager.waitlist.create(application({ requestedFacilityType: 'general' }));
    await expectTRPCError(
      callers.manager.waitlist.update({ id: created.id, version: 1, requestedFacilityType: 'children' }),
      'FORBIDDEN',
    );
  });

  it('withdraws with a reason, closes the application, and refuses changes afterwards', async () => {
    const created = await callers.planner.waitlist.create(application());
    const missing = await failureOf(
      callers.planner.waitlist.withdraw({ id: created.id, version: 1, reason: '   ' }),
    );
    expect(issuesAt(missing, 'reason')).toEqual(['Vui lòng ghi lý do']);
    const early = await failureOf(
      callers.planner.waitlist.withdraw({
        id: created.id,
        version: 1,
        reason: 'Chuyển đi',
        withdrawnOn: '2025-05-01',
      }),
    );
    expect(issuesAt(early, 'withdrawnOn')).toEqual(['Ngày không được trước ngày nộp đơn']);

    const withdrawn = await callers.planner.waitlist.withdraw({
      id: created.id,
      version: 1,
      reason: 'Gia đình đã đón về',
      withdrawnOn: '2025-08-15',
    });
    expect(withdrawn).toMatchObject({
      status: 'withdrawn',
      closedOn: '2025-08-15',
      closeReason: 'Gia đình đã đón về',
      rank: null,
      explanation: null,
      waitingDays: 75,
    });
    await expectTRPCError(
      callers.planner.waitlist.update({ id: created.id, version: withdrawn.version, notes: 'x' }),
      'PRECONDITION_FAILED',
      'APPLICATION_CLOSED',
    );
    await expectTRPCError(
      callers.planner.waitlist.withdraw({ id: created.id, version: withdrawn.version, reason: 'Lần hai' }),
      'PRECONDITION_FAILED',
      'APPLICATION_CLOSED',
    );
  });

  it('refuses to withdraw an application holding an open offer: the offer is answered first', async () => {
    const created = await callers.planner.waitlist.create(application({ requestedFacilityType: 'general' }));
    const [bed] = await bedsIn(callers.manager, fid(BTXH));
    const offered = await callers.manager.waitlist.offer({ applicationId: created.id, bedId: bed as string });
    await expectTRPCError(
      callers.planner.waitlist.withdraw({
        id: created.id,
        version: offered.version,
        reason: 'Không cần nữa',
      }),
      'CONFLICT',
      'OFFER_OPEN',
    );
  });
});

describe('the list', () => {
  /** Applications of one family name, so each test reads only its own rows through the search. */
  async function family(name: string, rows: Parameters<typeof application>[0][]) {
    const created = [];
    for (const row of rows)
      created.push(
        await callers.planner.waitlist.create(application({ fullName: uniqueName(name), ...row })),
      );
    return created;
  }

  it('filters by status, facility, type, commune, group and urgency, and searches without diacritics', async () => {
    const [a, b, c, d] = await family('Khổng', [
      { urgency: 'emergency', homeCommuneCode: '05500' },
      { urgency: 'normal', homeCommuneCode: '05710', requestedFacilityType: 'general' },
      {
        group: 'k1_child_no_support',
        birthDate: '2019-01-01',
        requestedFacilityType: null,
        requestedFacilityId: fid(TREEM),
      },
      { urgency: 'high' },
    ]);
    if (!a || !b || !c || !d) throw new Error('not created');
    await callers.planner.waitlist.withdraw({ id: d.id, version: 1, reason: 'Đã mất' });
    const ids = async (filter: Parameters<Caller['waitlist']['list']>[0]) =>
      (await callers.planner.waitlist.list({ search: 'khong', pageSize: 100, ...filter })).items
        .map((i) => i.id)
        .sort();
    const sorted = (...xs: { id: string }[]) => xs.map((x) => x.id).sort();

    expect(await ids({})).toEqual(sorted(a, b, c));
    expect(await ids({ status: 'withdrawn' })).toEqual(sorted(d));
    expect(await ids({ status: 'all' })).toEqual(sorted(a, b, c, d));
    expect(await ids({ urgency: 'emergency' })).toEqual(sorted(a));
    expect(await ids({ homeCommuneCode: '05710' })).toEqual(sorted(b));
    expect(await ids({ group: 'k1_child_no_support' })).toEqual(sorted(c));
    expect(await ids({ facilityType: 'children' })).toEqual(sorted(c));
    expect(await ids({ facilityType: 'elderly' })).toEqual(sorted(a));
    // For a facility: requesting it, or its type (TN-BTXH is general).
    expect(await ids({ facilityId: fid(BTXH) })).toEqual(sorted(b));
    expect(await ids({ facilityId: fid(TREEM) })).toEqual(sorted(c));
    expect(await ids({ facilityId: fid(HUONGDUONG) })).toEqual(sorted(b));
  });

  it('pages and sorts; the default order is the configured priority with a rank per row', async () => {
    const rows = await family('Quách', [
      { urgency: 'normal', appliedOn: '2025-01-10' },
      { urgency: 'emergency', appliedOn: '2025-08-20' },
      { urgency: 'high', appliedOn: '2025-03-01' },
      { urgency: 'normal', appliedOn: '2024-12-01' },
      { urgency: 'high', appliedOn: '2025-02-01' },
    ]);
    const byPriority = await callers.planner.waitlist.list({ search: 'Quách', pageSize: 2 });
    expect(byPriority.total).toBe(5);
    expect(byPriority.items.map((i) => [i.urgency, i.appliedOn, i.rank])).toEqual([
      ['emergency', '2025-08-20', 1],
      ['high', '2025-02-01', 2],
    ]);
    const page3 = await callers.planner.waitlist.list({ search: 'Quách', pageSize: 2, page: 3 });
    expect(page3.items.map((i) => [i.appliedOn, i.rank])).toEqual([['2025-01-10', 5]]);
    expect(page3.items[0]?.explanation?.decidedBy).toBe('waiting_time');

    const reversed = await callers.planner.waitlist.list({
      search: 'Quách',
      sort: { field: 'priority', direction: 'desc' },
    });
    expect(reversed.items.map((i) => i.rank)).toEqual([5, 4, 3, 2, 1]);

    const byDate = await callers.planner.waitlist.list({
      search: 'Quách',
      sort: { field: 'appliedOn', direction: 'asc' },
    });
    expect(byDate.items.map((i) => i.appliedOn)).toEqual([
      '2024-12-01',
      '2025-01-10',
      '2025-02-01',
      '2025-03-01',
      '2025-08-20',
    ]);
    // Another sort keeps each row's place in the queue.
    expect(byDate.items.map((i) => i.rank)).toEqual([4, 5, 2, 3, 1]);
    expect(rows).toHaveLength(5);

    const byName = await callers.planner.waitlist.list({
      search: 'Quách',
      sort: { field: 'fullName', direction: 'desc' },
      pageSize: 100,
    });
    expect(byName.total).toBe(5);
  });

  it('exports the filtered list in the same order, with the rank and the reason', async () => {
    await family('Lò', [
      { urgency: 'normal', appliedOn: '2025-01-01' },
      { urgency: 'emergency', appliedOn: '2025-08-01', vulnerability: { orphanOrAbandoned: true } },
    ]);
    const file = await callers.manager.waitlist.export({ search: 'Lò ', facilityType: 'elderly' });
    expect(file.filename).toBe('danh-sach-cho-2025-09-01.xlsx');
    // The manager's centre is general: elderly-type applications are outside its scope.
    expect(await sheetRows(file.base64)).toHaveLength(1);

    const all = await callers.planner.waitlist.export({ search: 'Lò ' });
    const [header, first, second] = await sheetRows(all.base64);
    expect(header?.slice(0, 3)).toEqual(['Thứ tự ưu tiên', 'Họ và tên', 'Ngày sinh']);
    expect(first?.[0]).toBe(1);
    expect(first?.[7]).toBe('Khẩn cấp');
    expect(first?.[8]).toBe('Mồ côi hoặc bị bỏ rơi');
    expect(String(first?.[14])).toContain('Mức độ khẩn cấp: Khẩn cấp (2)');
    expect(second?.[0]).toBe(2);
    expect(String(second?.[14])).toContain('Xếp sau hồ sơ liền trên do: Mức độ khẩn cấp');
  });
});
