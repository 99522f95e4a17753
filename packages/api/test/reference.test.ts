import { beforeAll, describe, expect, it } from 'vitest';
import { type Caller, expectTRPCError, useApiHarness } from './harness.ts';

const h = useApiHarness();

let staff: Caller;
beforeAll(async () => {
  staff = await h.callerFor('staff');
});

describe('adminUnits', () => {
  it('provinces returns the 34 units of the 2025 map, by code', async () => {
    const provinces = await staff.adminUnits.provinces();
    expect(provinces).toHaveLength(34);
    expect(provinces.find((p) => p.code === '19')).toEqual({ code: '19', name: 'Tỉnh Thái Nguyên' });
    expect(provinces.find((p) => p.code === '01')).toEqual({ code: '01', name: 'Thành phố Hà Nội' });
    const codes = provinces.map((p) => p.code);
    expect(codes).toEqual([...codes].sort());
  });

  it('communes of Thái Nguyên (19) are its 92 communes and wards', async () => {
    const communes = await staff.adminUnits.communes({ provinceCode: '19' });
    expect(communes).toHaveLength(92);
    expect(communes.every((c) => c.provinceCode === '19')).toBe(true);
    expect(communes).toContainEqual({ code: '05692', name: 'Xã Đồng Hỷ', provinceCode: '19' });
    expect(communes).toContainEqual({ code: '01840', name: 'Phường Đức Xuân', provinceCode: '19' });
  });

  it('communes of an unknown province is empty; a malformed code is BAD_REQUEST', async () => {
    expect(await staff.adminUnits.communes({ provinceCode: '99' })).toEqual([]);
    await expectTRPCError(staff.adminUnits.communes({ provinceCode: '019' }), 'BAD_REQUEST');
  });

  it.each([
    ['provinces', (c: Caller) => c.adminUnits.provinces()],
    ['communes', (c: Caller) => c.adminUnits.communes({ provinceCode: '19' })],
  ] as const)('%s needs a signed-in user', async (_name, call) => {
    await expectTRPCError(call(h.publicSession().caller), 'UNAUTHORIZED', 'NOT_SIGNED_IN');
  });
});

describe('meta.config', () => {
  it('works signed out and names the home province and department', async () => {
    expect(await h.publicSession({ origin: undefined }).caller.meta.config()).toEqual({
      homeProvinceCode: '19',
      homeProvinceName: 'Tỉnh Thái Nguyên',
      departmentName: 'Sở Y tế tỉnh Thái Nguyên',
    });
  });

  it('follows the configuration', async () => {
    const { caller } = h.publicSession({
      config: { homeProvinceCode: '01', departmentName: 'Sở Y tế Thành phố Hà Nội' },
    });
    expect(await caller.meta.config()).toEqual({
      homeProvinceCode: '01',
      homeProvinceName: 'Thành phố Hà Nội',
      departmentName: 'Sở Y tế Thành phố Hà Nội',
    });
  });
});
