import { sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { communes } from '../schema/admin-units.ts';
import { facilities } from '../schema/facilities.ts';
import { residents, stays } from '../schema/residents.ts';
import { operatorFacilities, users } from '../schema/users.ts';
import { furnishFacilities, placeResidents } from './beds.ts';
import { seedDemoStandardsAndProposals } from './demo-capacity-standards.ts';
import { seedDemoWaitlist } from './demo-waitlist.ts';
import { syntheticPerson } from './people.ts';
import { mulberry32 } from './scale.ts';

/**
 * Shared password of the demo accounts. It exists only for the embedded demo database that
 * `npm start` creates; a real PostgreSQL deployment never receives these users.
 */
export const DEMO_PASSWORD = 'ansinh-demo';

type NewFacility = typeof facilities.$inferInsert;

/** Thái Nguyên after the 2025 merger with Bắc Kạn; every commune code is from the official 2025 map. */
const demoFacilities: NewFacility[] = [
  {
    code: 'TN-BTXH',
    name: 'Trung tâm Bảo trợ và Công tác xã hội tỉnh Thái Nguyên',
    type: 'general',
    ownership: 'public',
    communeCode: '05500', // Phường Tích Lương
    address: 'Tổ 5, phường Tích Lương',
    phone: '0208 3846 123',
    licensedCapacity: 150,
    landAreaM2: 24_000,
    bedroomAreaM2: 1_150,
    status: 'operating',
    decisionNumber: '1234/QĐ-UBND',
    decisionDate: '2009-06-15',
  },
  {
    code: 'TN-TAMTHAN',
    name: 'Trung tâm Chăm sóc và Phục hồi chức năng người tâm thần tỉnh Thái Nguyên',
    type: 'mental_health',
    ownership: 'public',
    communeCode: '05710', // Phường Linh Sơn
    address: 'Xóm Thịnh Đán, phường Linh Sơn',
    phone: '0208 3820 456',
    licensedCapacity: 120,
    landAreaM2: 30_000,
    bedroomAreaM2: 900,
    status: 'operating',
    decisionNumber: '2567/QĐ-UBND',
    decisionDate: '2012-10-01',
  },
  {
    code: 'TN-TREEM',
    name: 'Trung tâm Nuôi dưỡng trẻ em có hoàn cảnh đặc biệt tỉnh Thái Nguyên',
    type: 'children',
    ownership: 'public',
    communeCode: '05467', // Phường Gia Sàng
    address: 'Đường Gia Sàng',
    licensedCapacity: 80,
    landAreaM2: 6_500,
    bedroomAreaM2: 520,
    status: 'operating',
    decisionNumber: '890/QĐ-UBND',
    decisionDate: '2015-03-20',
  },
  {
    code: 'TN-CTXH-BK',
    name: 'Trung tâm Công tác xã hội Bắc Kạn',
    type: 'social_work',
    ownership: 'public',
    communeCode: '01840', // Phường Đức Xuân
    address: 'Tổ 10, phường Đức Xuân',
    licensedCapacity: 60,
    landAreaM2: 8_000,
    bedroomAreaM2: 400,
    status: 'operating',
    decisionNumber: '455/QĐ-UBND',
    decisionDate: '2016-08-05',
  },
  {
    code: 'NCL-HUONGDUONG',
    name: 'Cơ sở Bảo trợ xã hội Hướng Dương',
    type: 'general',
    ownership: 'non_public',
    communeCode: '05692', // Xã Đồng Hỷ
    address: 'Xóm Trung, xã Đồng Hỷ',
    phone: '0912 345 678',
    licensedCapacity: 40,
    landAreaM2: 2_400,
    bedroomAreaM2: 260,
    status: 'operating',
    decisionNumber: '15/GP-SLĐTBXH',
    decisionDate: '2019-11-12',
    operatorOrganisation: 'Hội Từ thiện Hướng Dương',
  },
  {
    code: 'NCL-ANBINH',
    name: 'Viện dưỡng lão An Bình',
    type: 'elderly',
    ownership: 'non_public',
    communeCode: '05860', // Phường Phổ Yên
    address: 'Khu dân cư số 3, phường Phổ Yên',
    phone: '0983 222 111',
    licensedCapacity: 60,
    landAreaM2: 3_000,
    bedroomAreaM2: 420,
    status: 'operating',
    decisionNumber: '27/GP-SLĐTBXH',
    decisionDate: '2022-04-18',
    operatorOrganisation: 'Công ty Cổ phần Chăm sóc sức khỏe An Bình',
  },
  {
    code: 'NCL-ANHDUONG',
    name: 'Cơ sở Phục hồi chức năng người khuyết tật Ánh Dương',
    type: 'disability',
    ownership: 'non_public',
    communeCode: '05908', // Xã Phú Bình
    address: 'Thôn Đồng Quan, xã Phú Bình',
    licensedCapacity: 30,
    landAreaM2: 1_800,
    bedroomAreaM2: 190,
    status: 'operating',
    decisionNumber: '31/GP-SLĐTBXH',
    decisionDate: '2023-09-07',
    operatorOrganisation: 'Hội Bảo trợ người khuyết tật Ánh Dương',
  },
  {
    code: 'NCL-HOASEN',
    name: 'Nhà nuôi dưỡng trẻ em Hoa Sen',
    type: 'children',
    ownership: 'non_public',
    communeCode: '05830', // Xã Đại Từ
    address: 'Tổ dân phố Đình, xã Đại Từ',
    licensedCapacity: 25,
    landAreaM2: 1_200,
    bedroomAreaM2: 150,
    status: 'planned',
    operatorOrganisation: 'Quỹ Từ thiện Hoa Sen',
  },
];

const demoUsers = [
  { username: 'admin', fullName: 'Quản trị hệ thống', role: 'admin', facility: null },
  { username: 'planner', fullName: 'Nguyễn Thị Hoa', role: 'planner', facility: null },
  { username: 'manager', fullName: 'Trần Văn Minh', role: 'facility_manager', facility: 'TN-BTXH' },
  { username: 'staff', fullName: 'Lê Thị Lan', role: 'facility_staff', facility: 'TN-BTXH' },
  { username: 'operator', fullName: 'Phạm Văn Đức', role: 'operator', facility: 'NCL-HUONGDUONG' },
] as const;

export const demoUsernames = demoUsers.map((u) => u.username);

/**
 * Fills an empty embedded database with a small, realistic Thái Nguyên network and one account per role.
 * Does nothing once any facility exists, so a restart never duplicates or overwrites real edits.
 */
export async function seedDemo(
  db: Db,
  hashPassword: (password: string) => Promise<string>,
): Promise<boolean> {
  const existing = await db.execute<{ n: number }>(sql`select count(*)::int as n from facilities`);
  if ((existing.rows[0]?.n ?? 0) > 0) return false;

  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction(async (tx) => {
    const inserted = await tx
      .insert(facilities)
      .values(demoFacilities)
      .returning({ id: facilities.id, code: facilities.code });
    const idOf = new Map(inserted.map((f) => [f.code, f.id]));
    for (const u of demoUsers) {
      const facilityId = u.facility ? idOf.get(u.facility) : undefined;
      const [row] = await tx
        .insert(users)
        .values({
          username: u.username,
          fullName: u.fullName,
          role: u.role,
          passwordHash,
          facilityId: u.role === 'operator' ? null : facilityId,
        })
        .returning({ id: users.id });
      if (u.role === 'operator' && row && facilityId) {
        await tx.insert(operatorFacilities).values({ userId: row.id, facilityId });
      }
    }
  });
  return true;
}

/**
 * A few hundred residents with stay histories in the operating demo centres, in rooms and beds, so
 * every screen has something to show. Kept apart from `seedDemo` so API tests start from empty centres.
 */
export async function seedDemoResidents(db: Db, today: string, count = 320): Promise<void> {
  const random = mulberry32(19);
  const [centres, homeCommunes] = await Promise.all([
    db
      .select({ id: facilities.id })
      .from(facilities)
      .where(sql`${facilities.status} = 'operating'`)
      .orderBy(facilities.code),
    db
      .select({ code: communes.code })
      .from(communes)
      .where(sql`${communes.provinceCode} = '19'`)
      .orderBy(communes.code),
  ]);
  const people = Array.from({ length: count }, () =>
    syntheticPerson(
      random,
      centres.map((c) => c.id),
      homeCommunes.map((c) => c.code),
      today,
    ),
  );
  await db.transaction(async (tx) => {
    await tx.insert(residents).values(people.map((p) => p.resident));
    await tx
      .insert(stays)
      .values(people.flatMap((p) => p.stays.map((s) => ({ ...s, residentId: p.resident.id ?? '' }))));
  });
  await furnishFacilities(db, sql`true`);
  await placeResidents(db, sql`true`);
}

/** Everything an embedded demo shows beyond the network itself: residents in beds, a waitlist, staff and proposals. */
export async function seedDemoActivity(db: Db, today: string): Promise<void> {
  await seedDemoResidents(db, today);
  await seedDemoWaitlist(db, today);
  await seedDemoStandardsAndProposals(db, today);
}
