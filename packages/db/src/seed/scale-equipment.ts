import { sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import {
  type conditionValues,
  type equipmentCategoryValues,
  equipmentItems,
  type fundingSourceValues,
  itemModels,
  maintenanceRecords,
  maintenanceSchedules,
} from '../schema/equipment.ts';
import { facilities } from '../schema/facilities.ts';
import { mulberry32 } from './scale.ts';

type Category = (typeof equipmentCategoryValues)[number];

interface ModelSpec {
  name: string;
  category: Category;
  life: number;
  minPerFacility?: number;
  minPerBed?: number;
  /** Typical unit price in VND. */
  price: number;
  /** Counted in stock rather than one by one. */
  stock?: boolean;
  /** Gets recurring maintenance schedules. */
  serviced?: boolean;
}

/** A plausible catalogue for social protection centres: what they own, how long it lasts, how many they need. */
const catalogue: ModelSpec[] = [
  {
    name: 'Máy đo huyết áp điện tử',
    category: 'medical',
    life: 5,
    minPerFacility: 2,
    price: 1_200_000,
    serviced: true,
  },
  { name: 'Máy đo đường huyết', category: 'medical', life: 3, minPerFacility: 1, price: 900_000 },
  { name: 'Máy tạo oxy', category: 'medical', life: 8, minPerFacility: 1, price: 14_000_000, serviced: true },
  { name: 'Tủ thuốc cấp cứu', category: 'medical', life: 10, minPerFacility: 1, price: 4_500_000 },
  { name: 'Xe lăn tay', category: 'rehabilitation', life: 5, minPerBed: 0.1, price: 2_800_000 },
  { name: 'Khung tập đi', category: 'rehabilitation', life: 5, minPerBed: 0.05, price: 950_000 },
  {
    name: 'Máy tập phục hồi chức năng',
    category: 'rehabilitation',
    life: 8,
    minPerFacility: 1,
    price: 38_000_000,
    serviced: true,
  },
  {
    name: 'Giường inox một người',
    category: 'beds_furniture',
    life: 10,
    minPerBed: 1,
    price: 3_200_000,
    stock: true,
  },
  {
    name: 'Tủ đầu giường',
    category: 'beds_furniture',
    life: 10,
    minPerBed: 1,
    price: 1_100_000,
    stock: true,
  },
  {
    name: 'Đệm chống loét',
    category: 'beds_furniture',
    life: 3,
    minPerBed: 0.2,
    price: 2_100_000,
    stock: true,
  },
  { name: 'Bàn ăn tập thể', category: 'beds_furniture', life: 8, price: 2_500_000, stock: true },
  { name: 'Tủ lạnh', category: 'kitchen', life: 8, minPerFacility: 1, price: 12_000_000, serviced: true },
  {
    name: 'Bếp công nghiệp',
    category: 'kitchen',
    life: 10,
    minPerFacility: 1,
    price: 25_000_000,
    serviced: true,
  },
  { name: 'Tủ nấu cơm công nghiệp', category: 'kitchen', life: 8, price: 18_000_000 },
  {
    name: 'Máy giặt công nghiệp',
    category: 'laundry',
    life: 10,
    minPerFacility: 1,
    price: 85_000_000,
    serviced: true,
  },
  { name: 'Máy sấy quần áo', category: 'laundry', life: 10, price: 45_000_000, serviced: true },
  { name: 'Máy tính để bàn', category: 'it', life: 5, minPerFacility: 2, price: 15_000_000 },
  { name: 'Máy in', category: 'it', life: 5, minPerFacility: 1, price: 4_000_000 },
  { name: 'Máy tính xách tay', category: 'it', life: 5, price: 18_000_000 },
  {
    name: 'Xe ô tô cứu thương',
    category: 'vehicles',
    life: 15,
    minPerFacility: 1,
    price: 950_000_000,
    serviced: true,
  },
  { name: 'Xe ô tô 16 chỗ', category: 'vehicles', life: 15, price: 1_100_000_000, serviced: true },
  {
    name: 'Máy phát điện',
    category: 'other',
    life: 15,
    minPerFacility: 1,
    price: 120_000_000,
    serviced: true,
  },
  { name: 'Camera giám sát', category: 'other', life: 5, price: 2_500_000, stock: true },
  { name: 'Chăn bông', category: 'other', life: 3, price: 400_000, stock: true },
];

/** Things registered without a catalogue model. */
const looseItems: { name: string; category: Category; life: number; price: number; stock?: boolean }[] = [
  { name: 'Quạt trần', category: 'other', life: 8, price: 900_000, stock: true },
  { name: 'Điều hòa nhiệt độ', category: 'other', life: 8, price: 11_000_000 },
  { name: 'Tivi màn hình phẳng', category: 'it', life: 6, price: 9_000_000 },
  { name: 'Bình nóng lạnh', category: 'other', life: 6, price: 3_500_000, stock: true },
  { name: 'Ghế nhựa', category: 'beds_furniture', life: 4, price: 120_000, stock: true },
  { name: 'Nồi inox cỡ lớn', category: 'kitchen', life: 5, price: 1_500_000, stock: true },
];

const rooms = ['Phòng y tế', 'Nhà ăn', 'Nhà bếp', 'Nhà giặt', 'Kho', 'Văn phòng', 'Hội trường', 'Phòng PHCN'];
const fundings: (typeof fundingSourceValues)[number][] = [
  'provincial_budget',
  'provincial_budget',
  'provincial_budget',
  'central_budget',
  'socialised',
  'donation',
  'other',
];
const conditions: (typeof conditionValues)[number][] = [
  'good',
  'good',
  'good',
  'fair',
  'fair',
  'poor',
  'broken',
];

export interface ScaleEquipmentOptions {
  items: number;
  seed?: number;
  /** The day histories are written up to (defaults to today); fixed in tests for reproducibility. */
  today?: string;
}

const iso = (y: number, m: number, d: number) =>
  `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
const addMonths = (date: string, months: number) => {
  const index = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 + months;
  return iso(Math.floor(index / 12), (index % 12) + 1, Math.min(Number(date.slice(8, 10)), 28));
};

/**
 * Synthetic equipment for benchmarks: the catalogue above, and `items` items spread over the synthetic
 * facilities of `seedScale` (codes SCALE-…; every facility when there are none), with maintenance
 * schedules and records. Asset codes are `SCL-0000001`…, so a re-run meets its own rows and adds nothing.
 */
export async function seedScaleEquipment(
  db: Db,
  options: ScaleEquipmentOptions,
): Promise<{ models: number; items: number; schedules: number; records: number }> {
  const random = mulberry32((options.seed ?? 2025) + 7);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const thisYear = Number(today.slice(0, 4));

  await db
    .insert(itemModels)
    .values(
      catalogue.map((m) => ({
        name: m.name,
        category: m.category,
        usefulLifeYears: m.life,
        minPerFacility: m.minPerFacility ?? null,
        minPerBed: m.minPerBed ?? null,
      })),
    )
    .onConflictDoNothing();
  const models = await db.select({ id: itemModels.id, name: itemModels.name }).from(itemModels);
  const modelId = new Map(models.map((m) => [m.name, m.id]));

  let facilityRows = await db
    .select({ id: facilities.id })
    .from(facilities)
    .where(sql`${facilities.code} like 'SCALE-%'`)
    .orderBy(facilities.code);
  if (facilityRows.length === 0)
    facilityRows = await db.select({ id: facilities.id }).from(facilities).orderBy(facilities.code);
  const facilityIds = facilityRows.map((f) => f.id);

  let inserted = 0;
  let scheduleCount = 0;
  let recordCount = 0;
  const CHUNK = 2000;
  for (let start = 0; start < options.items; start += CHUNK) {
    const batch: (typeof equipmentItems.$inferInsert)[] = [];
    const serviced: boolean[] = [];
    for (let i = start; i < Math.min(options.items, start + CHUNK); i++) {
      const fromCatalogue = random() < 0.8;
      const spec = fromCatalogue ? pick(catalogue) : pick(looseItems);
      const stock = spec.stock === true && random() < 0.7;
      const quantity = stock ? 2 + Math.floor(random() * 40) : 1;
      const acquiredOn = iso(
        thisYear - Math.floor(random() * 18),
        1 + Math.floor(random() * 12),
        1 + Math.floor(random() * 28),
      );
      const disposed = random() < 0.04;
      const roll = random();
      batch.push({
        assetCode: `SCL-${String(i + 1).padStart(7, '0')}`,
        name: `${spec.name}${fromCatalogue && random() < 0.5 ? ` ${pick(['loại A', 'loại B', 'nhập khẩu', 'nội địa'])}` : ''}`,
        modelId: fromCatalogue ? (modelId.get(spec.name) ?? null) : null,
        category: spec.category,
        facilityId: pick(facilityIds),
        location: random() < 0.9 ? `${pick(rooms)} ${1 + Math.floor(random() * 30)}` : null,
        serialNumber: stock
          ? null
          : `SN${Math.floor(random() * 1e9)
              .toString(36)
              .toUpperCase()}`,
        tracking: stock ? 'stock' : 'individual',
        quantity,
        acquiredOn,
        costVnd: Math.round((spec.price * quantity * (0.8 + random() * 0.4)) / 1000) * 1000,
        usefulLifeYears: spec.life,
        fundingSource: pick(fundings),
        condition: pick(conditions),
        status: disposed ? 'disposed' : roll < 0.85 ? 'in_use' : roll < 0.95 ? 'in_storage' : 'under_repair',
        disposedOn: disposed ? today : null,
        warrantyUntil: random() < 0.3 ? addMonths(acquiredOn, 12 * (1 + Math.floor(random() * 3))) : null,
        notes: random() < 0.1 ? 'Tài sản tạo tự động cho đo hiệu năng' : null,
      });
      serviced.push(!disposed && ('serviced' in spec ? spec.serviced === true : false));
    }
    await db.transaction(async (tx) => {
      const fresh = await tx
        .insert(equipmentItems)
        .values(batch)
        .onConflictDoNothing()
        .returning({ id: equipmentItems.id, assetCode: equipmentItems.assetCode });
      inserted += fresh.length;
      const freshCodes = new Map(fresh.map((f) => [f.assetCode, f.id]));
      const schedules: (typeof maintenanceSchedules.$inferInsert)[] = [];
      const records: (typeof maintenanceRecords.$inferInsert)[] = [];
      batch.forEach((item, j) => {
        const id = freshCodes.get(item.assetCode);
        if (!id || item.status === 'disposed') return;
        if (serviced[j]) {
          const interval = pick([3, 6, 12]);
          // Next due dates spread from three months ago to a year ahead: some overdue, some due soon.
          schedules.push({
            itemId: id,
            name: pick(['Bảo dưỡng định kỳ', 'Kiểm tra an toàn', 'Vệ sinh, hiệu chỉnh']),
            intervalMonths: interval,
            nextDueOn: addMonths(today, Math.floor(random() * 15) - 3),
          });
        }
        if (random() < (serviced[j] ? 0.8 : 0.15)) {
          const performedOn = addMonths(today, -1 - Math.floor(random() * 24));
          records.push({
            itemId: id,
            performedOn,
            kind: pick(['preventive', 'corrective', 'inspection', 'calibration'] as const),
            costVnd: Math.round(random() * 3000) * 1000,
            supplier: random() < 0.6 ? 'Công ty TNHH Dịch vụ kỹ thuật' : null,
            nextDueOn: random() < 0.5 ? addMonths(performedOn, pick([6, 12])) : null,
          });
        }
      });
      for (let k = 0; k < schedules.length; k += 4000)
        await tx.insert(maintenanceSchedules).values(schedules.slice(k, k + 4000));
      for (let k = 0; k < records.length; k += 4000)
        await tx.insert(maintenanceRecords).values(records.slice(k, k + 4000));
      scheduleCount += schedules.length;
      recordCount += records.length;
    });
    // The triggers that keep equipment_items.next_maintenance_on (migration 0009) look up each touched
    // item's schedules and latest record. With the statistics of empty tables the planner reads the
    // due-date index end to end for every item (the load grows quadratic: hours for 250,000 items), so
    // the statistics are refreshed as the tables grow: after the first chunks, then every 50 chunks.
    const chunk = start / CHUNK;
    if (chunk === 0 || chunk === 4 || chunk % 50 === 49) {
      await db.execute(sql`analyze equipment_items, equipment_maintenance, equipment_maintenance_schedules`);
    }
  }
  // Fresh statistics, so the planner sees the bulk load, and the dead row versions the maintenance
  // triggers left on the items cleared (embedded PGlite runs no autovacuum).
  await db.execute(
    sql`vacuum analyze equipment_models, equipment_items, equipment_maintenance, equipment_maintenance_schedules`,
  );
  return { models: models.length, items: inserted, schedules: scheduleCount, records: recordCount };
}
