/**
 * The resident record: fields and their validation (birth-date precision, personal ID number checked
 * against birth century, sex and year, home commune, incomes), duplicate detection, and the timeline
 * built from the audit log.
 */
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Caller, domainParamsOf, expectTRPCError, useApiHarness } from './harness.ts';
import {
  admit,
  auditActionsOf,
  BTXH,
  facilityIds,
  failureOf,
  HUONGDUONG,
  HUONGDUONG_NAME,
  idNumberFor,
  issuesAt,
  openStaysOf,
  person,
  TREEM,
  uniqueName,
} from './residents-fixtures.ts';

const h = useApiHarness();

let admin: Caller;
let manager: Caller;
let operator: Caller;
let ids: Record<string, string>;

beforeAll(async () => {
  admin = await h.callerFor('admin');
  manager = await h.callerFor('manager');
  operator = await h.callerFor('operator');
  ids = await facilityIds(h);
});

const btxh = () => ids[BTXH] as string;

describe('fields', () => {
  it('stores full name, a year-only birth date and sex, with no ID number', async () => {
    const created = await admit(manager, btxh(), {
      fullName: 'Hoàng Văn Tú',
      birthDate: '1948-01-01',
      birthDatePrecision: 'year',
      sex: 'male',
      group: 'k1_elderly',
    });
    const read = await manager.residents.byId({ id: created.id });
    expect(read).toMatchObject({
      fullName: 'Hoàng Văn Tú',
      birthDate: '1948-01-01',
      birthDatePrecision: 'year',
      sex: 'male',
      idNumber: null,
      idNumberKind: null,
    });
  });

  it('defaults the birth-date precision to the day', async () => {
    const created = await admit(manager, btxh(), { birthDate: '2016-07-14' });
    expect(created.birthDatePrecision).toBe('day');
  });

  it('treats an empty ID number as none', async () => {
    const created = await admit(manager, btxh(), { idNumber: '' });
    expect(created.idNumber).toBeNull();
    expect(created.idNumberKind).toBeNull();
  });

  it('stores names typed in NFD as NFC', async () => {
    const created = await admit(manager, btxh(), { fullName: 'Đỗ Thị Huệ Thử'.normalize('NFD') });
    expect(created.fullName).toBe('Đỗ Thị Huệ Thử'.normalize('NFC'));
  });

  it.each([
    ['fullName', { fullName: '' }, 'resident.fullName'],
    ['birthDate (not a day)', { birthDate: '2015-02-30' }, 'resident.birthDate'],
    ['sex', { sex: 'x' }, 'resident.sex'],
    ['group', { group: 'k9' }, 'resident.group'],
    ['pension below zero', { pensionVnd: -1 }, 'resident.pensionVnd'],
    [
      'labour-capacity-loss allowance below zero',
      { labourCapacityLossVnd: -500 },
      'resident.labourCapacityLossVnd',
    ],
    ['meritorious allowance below zero', { meritoriousAllowanceVnd: -1 }, 'resident.meritoriousAllowanceVnd'],
    ['commune code not 5 digits', { homeCommuneCode: '123' }, 'resident.homeCommuneCode'],
  ])('refuses a bad %s on create', async (_label, bad, path) => {
    const error = await failureOf(
      manager.residents.create({
        resident: { ...person(), ...bad } as never,
        admission: { facilityId: btxh(), admittedOn: '2025-08-01' },
      }),
    );
    expect(issuesAt(error, path).length).toBeGreaterThan(0);
  });

  it('accepts incomes of zero and stores them as recorded', async () => {
    const created = await admit(manager, btxh(), {
      group: 'k5_voluntary',
      birthDate: '1950-05-05',
      pensionVnd: 0,
      labourCapacityLossVnd: 0,
      meritoriousAllowanceVnd: 2_500_000,
    });
    expect(created).toMatchObject({
      pensionVnd: 0,
      labourCapacityLossVnd: 0,
      meritoriousAllowanceVnd: 2_500_000,
    });
  });

  it('refuses a negative income on update, on the field path', async () => {
    const created = await admit(manager, btxh());
    const error = await failureOf(
      manager.residents.update({ id: created.id, version: created.version, pensionVnd: -10 }),
    );
    expect(issuesAt(error, 'pensionVnd').length).toBeGreaterThan(0);
  });

  it('needs the home commune to exist: an unknown 5-digit code is COMMUNE_NOT_FOUND and writes nothing', async () => {
    const name = uniqueName();
    await expectTRPCError(
      admit(manager, btxh(), { fullName: name, homeCommuneCode: '99999' }),
      'NOT_FOUND',
      'COMMUNE_NOT_FOUND',
    );
    const written = await h.rows(sql`select id from residents where full_name = ${name}`);
    expect(written).toEqual([]);
  });

  it('needs the home commune to exist on update too', async () => {
    const created = await admit(manager, btxh(), { homeCommuneCode: '05500' });
    await expectTRPCError(
      manager.residents.update({ id: created.id, version: created.version, homeCommuneCode: '99999' }),
      'NOT_FOUND',
      'COMMUNE_NOT_FOUND',
    );
    expect((await manager.residents.byId({ id: created.id })).homeCommuneCode).toBe('05500');
  });
});

describe('personal ID number', () => {
  it.each([
    ['female born 2023', '2023-02-10', 'female', '019323000123'],
    ['male born 2015', '2015-05-05', 'male', '019215000777'],
    ['male born 1950', '1950-06-05', 'male', '019050000001'],
    ['female born 1962 (Bắc Kạn)', '1962-11-20', 'female', '006162000002'],
  ] as const)('accepts a 12-digit number that matches a %s', async (_label, birthDate, sex, idNumber) => {
    const created = await admit(manager, btxh(), { birthDate, sex, idNumber });
    expect(created.idNumber).toBe(idNumber);
    expect(created.idNumberKind).toBe('citizen');
  });

  it('normalises spaces and dots in the number', async () => {
    const created = await admit(manager, btxh(), {
      birthDate: '2012-04-04',
      sex: 'female',
      idNumber: '019 312.000-555',
    });
    expect(created.idNumber).toBe('019312000555');
  });

  it('checks the year digits against a year-only birth date', async () => {
    const ok = await admit(manager, btxh(), {
      birthDate: '1947-01-01',
      birthDatePrecision: 'year',
      sex: 'female',
      idNumber: '019147000321',
    });
    expect(ok.idNumberKind).toBe('citizen');
    const error = await failureOf(
      admit(manager, btxh(), {
        birthDate: '1947-01-01',
        birthDatePrecision: 'year',
        sex: 'female',
        idNumber: '019148000322',
      }),
    );
    expect(issuesAt(error, 'resident.idNumber').join(' ')).toContain('Chữ số thứ 5–6');
  });

  it.each([
    ['sex (digit 4 says male, record says female)', '2023-02-10', 'female', '019223000124', 'Chữ số thứ 4'],
    ['century (digit 4 says 2000s, born 1950)', '1950-06-05', 'male', '019250000125', 'Chữ số thứ 4'],
    ['century (digit 4 says 1900s, born 2010)', '2010-01-01', 'female', '019110000126', 'Chữ số thứ 4'],
    ['year (digits 5–6 say 22, born 2023)', '2023-02-10', 'female', '019322000127', 'Chữ số thứ 5–6'],
  ] as const)('names the digit at fault on create: %s', async (_label, birthDate, sex, idNumber, digit) => {
    const error = await failureOf(admit(manager, btxh(), { birthDate, sex, idNumber }));
    const messages = issuesAt(error, 'resident.idNumber');
    expect(messages.length).toBeGreaterThan(0);
    expect(messages.join(' ')).toContain(digit);
  });

  it('refuses a number of the wrong length', async () => {
    const error = await failureOf(admit(manager, btxh(), { idNumber: '0193150001' }));
    expect(issuesAt(error, 'resident.idNumber').length).toBeGreaterThan(0);
  });

  it('accepts a legacy 9-digit ID card and shows it as legacy', async () => {
    const created = await admit(manager, btxh(), { birthDate: '1960-01-01', idNumber: '090123456' });
    expect(created.idNumberKind).toBe('legacy');
    expect((await manager.residents.byId({ id: created.id })).idNumberKind).toBe('legacy');
  });

  it('re-checks the number against the birth date an update gives it (path idNumber)', async () => {
    const created = await admit(manager, btxh(), {
      birthDate: '2014-08-08',
      sex: 'male',
      idNumber: idNumberFor('2014-08-08', 'male'),
    });
    const error = await failureOf(
      manager.residents.update({ id: created.id, version: created.version, birthDate: '2013-08-08' }),
    );
    expect(issuesAt(error, 'idNumber').join(' ')).toContain('Chữ số thứ 5–6');
    const sexError = await failureOf(
      manager.residents.update({ id: created.id, version: created.version, sex: 'female' }),
    );
    expect(issuesAt(sexError, 'idNumber').join(' ')).toContain('Chữ số thứ 4');
    const after = await manager.residents.byId({ id: created.id });
    expect(after).toMatchObject({ birthDate: '2014-08-08', sex: 'male', version: created.version });
  });

  it('refuses a mismatching number sent in an update (path idNumber)', async () => {
    const created = await admit(manager, btxh(), { birthDate: '2011-03-03', sex: 'male' });
    const error = await failureOf(
      manager.residents.update({ id: created.id, version: created.version, idNumber: '019311000999' }),
    );
    expect(issuesAt(error, 'idNumber').join(' ')).toContain('Chữ số thứ 4');
  });

  it('an update can move the ID number and birth date together', async () => {
    const created = await admit(manager, btxh(), { birthDate: '2011-03-03', sex: 'male' });
    const idNumber = idNumberFor('2010-03-03', 'male');
    const updated = await manager.residents.update({
      id: created.id,
      version: created.version,
      birthDate: '2010-03-03',
      idNumber,
    });
    expect(updated).toMatchObject({ birthDate: '2010-03-03', idNumber, idNumberKind: 'citizen' });
    expect(updated.version).toBe(created.version + 1);
  });
});

describe('duplicates', () => {
  it('blocks a second admission of an ID number in care elsewhere, naming the facility only to those who may see it', async () => {
    const idNumber = idNumberFor('1955-02-02', 'female');
    const inCare = await admit(operator, ids[HUONGDUONG] as string, {
      birthDate: '1955-02-02',
      sex: 'female',
      group: 'k1_elderly',
      idNumber,
    });
    const again = { birthDate: '1955-02-02', sex: 'female' as const, group: 'k1_elderly' as const, idNumber };

    const hidden = await expectTRPCError(admit(manager, btxh(), again), 'CONFLICT', 'ID_NUMBER_IN_CARE');
    expect(domainParamsOf(hidden)).toMatchObject({ field: 'idNumber', facilityName: '' });
    expect(JSON.stringify(domainParamsOf(hidden))).not.toContain('Hướng Dương');

    const shown = await expectTRPCError(
      admit(admin, ids[TREEM] as string, again),
      'CONFLICT',
      'ID_NUMBER_IN_CARE',
    );
    expect(domainParamsOf(shown)).toMatchObject({ field: 'idNumber', facilityName: HUONGDUONG_NAME });

    const own = await expectTRPCError(
      admit(operator, ids[HUONGDUONG] as string, again),
      'CONFLICT',
      'ID_NUMBER_IN_CARE',
    );
    expect(domainParamsOf(own).facilityName).toBe(HUONGDUONG_NAME);
    // Nothing was written by the refused admissions.
    const holders = await h.rows(sql`select id from residents where id_number = ${idNumber}`);
    expect(holders).toEqual([{ id: inCare.id }]);
  });

  it('sends the caller to re-admit a discharged person who holds the ID number', async () => {
    const idNumber = idNumberFor('2012-12-12', 'female');
    const first = await admit(operator, ids[HUONGDUONG] as string, {
      birthDate: '2012-12-12',
      sex: 'female',
      idNumber,
    });
    await operator.residents.discharge({
      residentId: first.id,
      dischargedOn: '2025-08-15',
      reason: 'returned_to_family',
    });
    const error = await expectTRPCError(
      admit(manager, btxh(), { birthDate: '2012-12-12', sex: 'female', idNumber }),
      'CONFLICT',
      'ID_NUMBER_EXISTS',
    );
    expect(domainParamsOf(error)).toMatchObject({ field: 'idNumber', residentId: first.id });

    const back = await manager.residents.readmit({
      residentId: first.id,
      facilityId: btxh(),
      admittedOn: '2025-08-20',
      decisionNumber: '31/QĐ',
    });
    expect(back.id).toBe(first.id);
    // The receiving centre sees its own new stay, not the earlier one at the other centre.
    expect(back.stays).toHaveLength(1);
    expect(back.currentStay?.facilityId).toBe(btxh());
    expect(await h.rows(sql`select id from stays where resident_id = ${first.id}`)).toHaveLength(2);
  });

  it('warns on the same name, birth date and home commune unless confirmed', async () => {
    const base = {
      fullName: 'Vi Thị Duyên',
      birthDate: '2013-09-09',
      sex: 'female' as const,
      homeCommuneCode: '05500',
    };
    await admit(manager, btxh(), base);
    const warned = await expectTRPCError(
      admit(manager, btxh(), base),
      'PRECONDITION_FAILED',
      'POSSIBLE_DUPLICATE',
    );
    expect(domainParamsOf(warned).count).toBe(1);
    // Another home commune is another person: no warning.
    const other = await admit(manager, btxh(), { ...base, homeCommuneCode: null });
    expect(other.homeCommuneCode).toBeNull();
    // Confirmed: admitted as a separate record.
    const confirmed = await admit(manager, btxh(), base, { confirmDuplicate: true });
    const twins = await h.rows(
      sql`select id from residents where full_name = 'Vi Thị Duyên' and home_commune_code = '05500'`,
    );
    expect(twins.map((t) => t.id)).toContain(confirmed.id);
    expect(twins).toHaveLength(2);
  });

  it('compares names after NFC normalisation, ignoring diacritics and case', async () => {
    const nfd = 'Nguyễn Thị Mai'.normalize('NFD');
    expect(nfd).not.toBe('Nguyễn Thị Mai');
    const stored = await admit(manager, btxh(), {
      fullName: nfd,
      birthDate: '2014-01-20',
      sex: 'female',
      homeCommuneCode: '05500',
    });
    for (const spelling of ['NGUYEN THI MAI', 'nguyễn thị mai', '  Nguyen   Thi Mai ', nfd]) {
      await expectTRPCError(
        admit(manager, btxh(), {
          fullName: spelling,
          birthDate: '2014-01-20',
          sex: 'female',
          homeCommuneCode: '05500',
        }),
        'PRECONDITION_FAILED',
        'POSSIBLE_DUPLICATE',
      );
    }
    const matches = await admin.residents.checkDuplicates({
      fullName: 'NGUYEN THI MAI',
      birthDate: '2014-01-20',
      homeCommuneCode: '05500',
    });
    expect(matches).toEqual([
      {
        residentId: stored.id,
        fullName: 'Nguyễn Thị Mai',
        birthDate: '2014-01-20',
        facilityName: stored.currentStay?.facilityName,
        inCare: true,
        reason: 'name_birth_commune',
      },
    ]);
    // A different birth date is not a match.
    expect(
      await admin.residents.checkDuplicates({
        fullName: 'NGUYEN THI MAI',
        birthDate: '2014-01-21',
        homeCommuneCode: '05500',
      }),
    ).toEqual([]);
  });

  it('checkDuplicates returns each match with its reason', async () => {
    const idNumber = idNumberFor('2009-10-10', 'male');
    const byId = await admit(operator, ids[HUONGDUONG] as string, {
      fullName: 'Ma Văn Sáng',
      birthDate: '2009-10-10',
      idNumber,
    });
    const byName = await admit(manager, btxh(), {
      fullName: 'Lục Văn Chiến',
      birthDate: '2008-06-06',
      homeCommuneCode: '05500',
    });

    const asAdmin = await admin.residents.checkDuplicates({
      fullName: 'luc van chien',
      birthDate: '2008-06-06',
      homeCommuneCode: '05500',
      idNumber,
    });
    expect(asAdmin.map((m) => [m.residentId, m.reason, m.inCare]).sort()).toEqual(
      [
        [byId.id, 'id_number', true],
        [byName.id, 'name_birth_commune', true],
      ].sort(),
    );
    expect(asAdmin.find((m) => m.reason === 'id_number')?.facilityName).toBe(HUONGDUONG_NAME);

    // A centre sees the ID-number match (to re-admit it) but not where the person is cared for.
    const asManager = await manager.residents.checkDuplicates({
      fullName: 'Lục Văn Chiến',
      birthDate: '2008-06-06',
      homeCommuneCode: '05500',
      idNumber,
    });
    const idMatch = asManager.find((m) => m.reason === 'id_number');
    expect(idMatch).toMatchObject({ residentId: byId.id, facilityName: null, inCare: true });
    expect(asManager.find((m) => m.reason === 'name_birth_commune')?.facilityName).toBe(
      byName.currentStay?.facilityName,
    );

    // The record being edited is not its own duplicate.
    const self = await admin.residents.checkDuplicates({
      fullName: 'Lục Văn Chiến',
      birthDate: '2008-06-06',
      homeCommuneCode: '05500',
      excludeResidentId: byName.id,
    });
    expect(self).toEqual([]);
  });
});

describe('timeline and audit', () => {
  it('shows admit → update → transfer → discharge in order, with the changed fields', async () => {
    const created = await admit(
      manager,
      btxh(),
      { fullName: 'Nông Thị Hằng', disabilityLevel: null, notes: null },
      { admittedOn: '2025-07-01', decisionNumber: '07/QĐ' },
    );
    const updated = await manager.residents.update({
      id: created.id,
      version: created.version,
      disabilityLevel: 'mild',
      notes: 'Đã khám sức khỏe',
    });
    await manager.residents.transfer({
      residentId: created.id,
      toFacilityId: ids[TREEM] as string,
      transferredOn: '2025-07-20',
      decisionNumber: '20/QĐ',
    });
    await admin.residents.discharge({
      residentId: created.id,
      dischargedOn: '2025-08-10',
      reason: 'returned_to_family',
      note: 'Về với bà ngoại',
    });

    const timeline = await admin.residents.timeline({ id: created.id });
    expect(timeline.map((e) => [e.action, e.actorUsername])).toEqual([
      ['resident.admit', 'manager'],
      ['resident.update', 'manager'],
      ['resident.transfer', 'manager'],
      ['resident.discharge', 'admin'],
    ]);
    const [admitted, update, transfer, discharge] = timeline;
    expect(admitted?.stay).toMatchObject({ facilityId: btxh(), admittedOn: '2025-07-01' });
    expect(update?.changes).toEqual(
      expect.arrayContaining([
        { field: 'disabilityLevel', before: null, after: 'mild' },
        { field: 'notes', before: null, after: 'Đã khám sức khỏe' },
      ]),
    );
    expect(update?.changes.map((c) => c.field).sort()).toEqual(['disabilityLevel', 'notes']);
    expect(transfer?.stay).toMatchObject({
      facilityId: ids[TREEM],
      admittedOn: '2025-07-20',
      admissionDecisionNumber: '20/QĐ',
    });
    expect(discharge?.stay).toMatchObject({
      facilityId: ids[TREEM],
      dischargedOn: '2025-08-10',
      dischargeReason: 'returned_to_family',
      dischargeNote: 'Về với bà ngoại',
    });
    const times = timeline.map((e) => e.at.getTime());
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    expect(updated.version).toBe(created.version + 1);
  });

  it('writes one audit row per mutation, in the same transaction: failed changes write none', async () => {
    const created = await admit(manager, btxh(), {}, { admittedOn: '2025-08-01' });
    expect(await auditActionsOf(h, created.id)).toEqual(['resident.admit']);

    // Transfer into the same centre: refused after the old stay was closed inside the transaction.
    await expectTRPCError(
      manager.residents.transfer({
        residentId: created.id,
        toFacilityId: btxh(),
        transferredOn: '2025-08-10',
      }),
      'CONFLICT',
      'ALREADY_IN_CARE',
    );
    // Transfer to a facility that does not exist: the database refuses the new stay.
    await expectTRPCError(
      admin.residents.transfer({
        residentId: created.id,
        toFacilityId: '00000000-0000-4000-8000-000000000000',
        transferredOn: '2025-08-10',
      }),
      'NOT_FOUND',
      'FACILITY_NOT_FOUND',
    );
    // Transfer dated before the admission.
    await expectTRPCError(
      manager.residents.transfer({
        residentId: created.id,
        toFacilityId: ids[TREEM] as string,
        transferredOn: '2025-07-31',
      }),
      'PRECONDITION_FAILED',
      'DATE_BEFORE_ADMISSION',
    );
    await expectTRPCError(
      manager.residents.update({ id: created.id, version: created.version + 5, notes: 'cũ' }),
      'CONFLICT',
      'STALE_VERSION',
    );
    expect(await auditActionsOf(h, created.id)).toEqual(['resident.admit']);
    const open = await openStaysOf(h, created.id);
    expect(open).toEqual([{ id: created.currentStay?.id, facility_id: btxh() }]);
    const detail = await manager.residents.byId({ id: created.id });
    expect(detail.stays).toHaveLength(1);
    expect(detail.stays[0]?.dischargedOn).toBeNull();

    const session = await h.sessionFor('manager', { requestId: 'req-residents-audit-1' });
    await session.caller.residents.update({ id: created.id, version: created.version, ethnicity: 'Nùng' });
    const [row] = await h.rows<{
      action: string;
      actor: string;
      request_id: string;
      after: { ethnicity: string };
    }>(
      sql`select a.action, u.username as actor, a.request_id, a.after from audit_log a join users u on u.id = a.actor_id
          where a.entity_id = ${created.id} and a.action = 'resident.update'`,
    );
    expect(row).toMatchObject({
      action: 'resident.update',
      actor: 'manager',
      request_id: 'req-residents-audit-1',
      after: { ethnicity: 'Nùng' },
    });
    expect(await auditActionsOf(h, created.id)).toEqual(['resident.admit', 'resident.update']);
  });
});
