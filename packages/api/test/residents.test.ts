import { TRPCError } from '@trpc/server';
import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { expectTRPCError, readWorkbook, useApiHarness } from './harness.ts';

const h = useApiHarness();

const child = (overrides: Record<string, unknown> = {}) => ({
  fullName: 'Nguyễn Thị Mai',
  birthDate: '2023-02-10',
  sex: 'female' as const,
  group: 'k1_child_no_support' as const,
  orphanOrAbandoned: true,
  ...overrides,
});

describe('admission, transfer and discharge', () => {
  it('admits, moves and discharges a person, one open stay at a time', async () => {
    const manager = await h.callerFor('manager');
    const btxh = await h.facilityId('TN-BTXH');
    const treem = await h.facilityId('TN-TREEM');
    const created = await manager.residents.create({
      resident: child({ idNumber: '019323000123', homeCommuneCode: '01843' }),
      admission: { facilityId: btxh, admittedOn: '2025-08-10', decisionNumber: '12/QĐ' },
    });
    expect(created.currentStay?.facilityName).toContain('Bảo trợ');
    expect([created.homeCommuneCode, created.homeCommuneName, created.homeProvinceCode]).toEqual([
      '01843',
      'Phường Bắc Kạn',
      '19',
    ]);
    expect(created.idNumberKind).toBe('citizen');

    const list = await manager.residents.list({});
    expect(list.items.map((r) => r.id)).toContain(created.id);
    const item = list.items.find((r) => r.id === created.id);
    expect(item?.entitlementStatus).toBe('entitled');
    // Nurturing allowance 5.0 × 500,000 plus the common-medicines ceiling of 100,000 (Art. 25(1), (4)).
    expect(item?.monthlyAllowanceVnd).toBe(2_600_000);

    const moved = await manager.residents.transfer({
      residentId: created.id,
      toFacilityId: treem,
      transferredOn: '2025-08-20',
      decisionNumber: null,
    });
    // The sending centre sees its own closed stay only; the department sees both.
    expect(moved.stays).toHaveLength(1);
    expect(moved.currentStay).toBeNull();
    const whole = await (await h.callerFor('admin')).residents.byId({ id: created.id });
    expect(whole.stays).toHaveLength(2);
    expect(whole.currentStay?.facilityId).toBe(treem);

    // Staff of the old centre no longer reach the person's current stay, so they cannot discharge.
    await expectTRPCError(
      manager.residents.discharge({
        residentId: created.id,
        dischargedOn: '2025-08-25',
        reason: 'adopted',
        note: null,
      }),
      'FORBIDDEN',
    );
    const admin = await h.callerFor('admin');
    const out = await admin.residents.discharge({
      residentId: created.id,
      dischargedOn: '2025-08-25',
      reason: 'adopted',
      note: null,
    });
    expect(out.currentStay).toBeNull();

    const timeline = await admin.residents.timeline({ id: created.id });
    expect(timeline.map((e) => e.action)).toEqual([
      'resident.admit',
      'resident.transfer',
      'resident.discharge',
    ]);
  });

  it('blocks a second admission of an ID number held by someone in care', async () => {
    const manager = await h.callerFor('manager');
    const btxh = await h.facilityId('TN-BTXH');
    const first = {
      resident: child({
        fullName: 'Lò Văn Páo',
        sex: 'male',
        birthDate: '2015-05-05',
        idNumber: '019215000777',
      }),
      admission: { facilityId: btxh, admittedOn: '2025-08-01', decisionNumber: null },
    };
    await manager.residents.create(first);
    await expectTRPCError(manager.residents.create(first), 'CONFLICT', 'ID_NUMBER_IN_CARE');
  });

  it('names the digit at fault when the ID number contradicts the record', async () => {
    const manager = await h.callerFor('manager');
    const btxh = await h.facilityId('TN-BTXH');
    const error = await manager.residents
      .create({
        resident: child({ idNumber: '019223000124' }),
        admission: { facilityId: btxh, admittedOn: '2025-08-01', decisionNumber: null },
      })
      .catch((e: unknown) => e);
    const cause = error instanceof TRPCError ? error.cause : null;
    if (!(cause instanceof ZodError)) throw new Error('expected a validation error');
    const issue = cause.issues.find((i) => i.path.join('.') === 'resident.idNumber');
    expect(issue?.message).toContain('Chữ số thứ 4');
  });
});

describe('import', () => {
  it('round-trips the template', async () => {
    const manager = await h.callerFor('manager');
    const template = await manager.residentImport.template();
    const workbook = await readWorkbook(template.base64);
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new Error('no sheet');
    const row = sheet.getRow(2);
    ['Hoàng Văn Tú', '05/06/1950', 'Nam', '', 'Tày', '05500', 'Người cao tuổi (k1)'].forEach((v, i) => {
      row.getCell(i + 1).value = v;
    });
    row.getCell(23).value = '01/08/2025';
    row.commit();
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
    const btxh = await h.facilityId('TN-BTXH');
    const { batchId, totalRows } = await manager.residentImport.upload({
      facilityId: btxh,
      fileBase64: buffer,
    });
    expect(totalRows).toBe(1);
    const checked = await manager.residentImport.validate({ batchId, fromRow: 0, count: 500 });
    expect(checked.problems).toEqual([]);
    expect(await manager.residentImport.commit({ batchId })).toEqual({ imported: 1 });
  });
});
