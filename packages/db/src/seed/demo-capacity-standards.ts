import { addDays } from '@ansinh/domain/entitlements/dates';
import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../client.ts';
import {
  assessmentRatings,
  facilityAssessments,
  facilityStaff,
  investmentProposals,
  proposalEvents,
  type proposalStatusValues,
  type staffRoleValues,
} from '../schema/capacity.ts';
import { facilities } from '../schema/facilities.ts';
import { users } from '../schema/users.ts';

type Role = (typeof staffRoleValues)[number];
type Status = (typeof proposalStatusValues)[number];

/** Headcounts by role of the operating demo centres: some meet the norms, most fall short somewhere. */
const staffByFacility: Record<string, Partial<Record<Role, number>>> = {
  'TN-BTXH': {
    carer: 24,
    social_worker: 2,
    psychologist: 1,
    medical: 3,
    nutrition: 5,
    rehabilitation: 6,
    teacher: 3,
    indirect: 9,
  },
  'TN-TAMTHAN': {
    carer: 30,
    social_worker: 1,
    psychologist: 1,
    medical: 4,
    nutrition: 4,
    rehabilitation: 8,
    indirect: 8,
  },
  'TN-TREEM': { carer: 14, social_worker: 1, medical: 1, nutrition: 3, teacher: 6, indirect: 4 },
  'TN-CTXH-BK': { carer: 8, social_worker: 2, psychologist: 1, medical: 1, nutrition: 2, indirect: 3 },
  'NCL-HUONGDUONG': { carer: 5, social_worker: 1, medical: 1, nutrition: 1, indirect: 2 },
  'NCL-ANBINH': {
    carer: 9,
    social_worker: 1,
    psychologist: 1,
    medical: 2,
    nutrition: 2,
    rehabilitation: 2,
    indirect: 3,
  },
  'NCL-ANHDUONG': { carer: 6, social_worker: 1, medical: 1, nutrition: 1, rehabilitation: 4, indirect: 2 },
};

interface DemoProposal {
  facility: string;
  item: string;
  category: 'construction' | 'repair' | 'equipment' | 'it';
  estimatedCostVnd: number;
  priority: 'high' | 'medium' | 'low';
  requestedYear: number;
  fundingSource: 'provincial_budget' | 'central' | 'socialised' | 'other';
  justification: string;
  /** The moves after the draft, each with who made it and an optional comment. */
  steps: { to: Status; by: 'centre' | 'department'; comment?: string }[];
}

const submit = { to: 'submitted', by: 'centre' } as const;
const review = { to: 'under_review', by: 'department' } as const;

function demoProposals(year: number): DemoProposal[] {
  return [
    {
      facility: 'TN-BTXH',
      item: 'Cải tạo mái và chống thấm khu nhà ở B',
      category: 'repair',
      estimatedCostVnd: 850_000_000,
      priority: 'high',
      requestedYear: year + 1,
      fundingSource: 'provincial_budget',
      justification: 'Mái tôn xuống cấp, dột nhiều phòng sau mùa mưa (biên bản khảo sát hiện trạng).',
      steps: [],
    },
    {
      facility: 'TN-BTXH',
      item: 'Lắp đặt hệ thống báo cháy tự động',
      category: 'construction',
      estimatedCostVnd: 1_200_000_000,
      priority: 'high',
      requestedYear: year + 1,
      fundingSource: 'provincial_budget',
      justification: 'Theo kết luận kiểm tra phòng cháy chữa cháy: chưa có hệ thống báo cháy tự động.',
      steps: [submit],
    },
    {
      facility: 'TN-BTXH',
      item: 'Phần mềm quản lý hồ sơ đối tượng và chế độ',
      category: 'it',
      estimatedCostVnd: 350_000_000,
      priority: 'medium',
      requestedYear: year,
      fundingSource: 'provincial_budget',
      justification: 'Số hóa hồ sơ, kết nối báo cáo với Sở.',
      steps: [
        submit,
        review,
        { to: 'approved', by: 'department', comment: 'Phù hợp kế hoạch chuyển đổi số' },
      ],
    },
    {
      facility: 'TN-TAMTHAN',
      item: 'Xây dựng thêm nhà ở 40 giường cho người tâm thần',
      category: 'construction',
      estimatedCostVnd: 9_500_000_000,
      priority: 'high',
      requestedYear: year + 1,
      fundingSource: 'central',
      justification: 'Số người chờ tiếp nhận vượt công suất; diện tích phòng ở chưa đạt định mức.',
      steps: [submit, review],
    },
    {
      facility: 'TN-TREEM',
      item: 'Sửa chữa bếp ăn và khu nhà ăn',
      category: 'repair',
      estimatedCostVnd: 620_000_000,
      priority: 'medium',
      requestedYear: year,
      fundingSource: 'provincial_budget',
      justification: 'Bếp ăn xuống cấp, chưa bảo đảm an toàn thực phẩm.',
      steps: [
        submit,
        review,
        { to: 'approved', by: 'department' },
        { to: 'funded', by: 'department', comment: 'Đã bố trí trong dự toán năm' },
      ],
    },
    {
      facility: 'TN-CTXH-BK',
      item: 'Trang bị giường và tủ cá nhân cho phòng ở',
      category: 'equipment',
      estimatedCostVnd: 280_000_000,
      priority: 'low',
      requestedYear: year - 1,
      fundingSource: 'socialised',
      justification: 'Thay thế giường sắt đã hết thời gian sử dụng.',
      steps: [
        submit,
        review,
        { to: 'approved', by: 'department' },
        { to: 'funded', by: 'department' },
        { to: 'completed', by: 'department', comment: 'Đã nghiệm thu, bàn giao' },
      ],
    },
    {
      facility: 'NCL-HUONGDUONG',
      item: 'Xây sân chơi và vườn phục hồi chức năng',
      category: 'construction',
      estimatedCostVnd: 450_000_000,
      priority: 'low',
      requestedYear: year + 1,
      fundingSource: 'provincial_budget',
      justification: 'Người cao tuổi cần không gian vận động ngoài trời.',
      steps: [
        submit,
        review,
        {
          to: 'rejected',
          by: 'department',
          comment: 'Cơ sở ngoài công lập: đề nghị huy động nguồn xã hội hóa, không bố trí ngân sách tỉnh.',
        },
      ],
    },
  ];
}

/**
 * Demo data for the standards and investment screens, on top of `seedDemo` (facilities and accounts)
 * and the rooms and residents: the staff each operating demo centre has, one condition assessment of
 * TN-BTXH, and seven proposals across every status with their events (each proposal is inserted as a
 * draft and moved along the workflow, as the database requires). Does nothing once any proposal exists.
 */
export async function seedDemoStandardsAndProposals(db: Db, today: string): Promise<void> {
  const existing = await db.execute<{ n: number }>(sql`select count(*)::int as n from investment_proposals`);
  if ((existing.rows[0]?.n ?? 0) > 0) return;
  const [facilityRows, userRows] = await Promise.all([
    db.select({ id: facilities.id, code: facilities.code }).from(facilities),
    db.select({ id: users.id, username: users.username }).from(users),
  ]);
  const facilityId = new Map(facilityRows.map((f) => [f.code, f.id]));
  const userId = new Map(userRows.map((u) => [u.username, u.id]));
  const planner = userId.get('planner');
  const admin = userId.get('admin');
  if (!planner || !admin) return;
  /** The centre's own account where the demo has one, else the administrator (who acts for any centre). */
  const centreUser = (code: string) =>
    (code === 'TN-BTXH'
      ? userId.get('manager')
      : code === 'NCL-HUONGDUONG'
        ? userId.get('operator')
        : admin) ?? admin;
  const year = Number(today.slice(0, 4));
  /** Steps a few days apart, ending a week before today. */
  const at = (daysAgo: number) => new Date(`${addDays(today, -daysAgo)}T09:00:00+07:00`);

  await db.transaction(async (tx) => {
    const staffRows = Object.entries(staffByFacility).flatMap(([code, counts]) => {
      const id = facilityId.get(code);
      return id
        ? Object.entries(counts).map(([role, headcount]) => ({
            facilityId: id,
            role: role as Role,
            headcount,
          }))
        : [];
    });
    if (staffRows.length) await tx.insert(facilityStaff).values(staffRows).onConflictDoNothing();

    const btxh = facilityId.get('TN-BTXH');
    if (btxh) await seedAssessment(tx, btxh, userId.get('staff') ?? admin, addDays(today, -45));

    for (const p of demoProposals(year)) {
      const id = facilityId.get(p.facility);
      if (!id) continue;
      const drafter = centreUser(p.facility);
      let daysAgo = 7 + 6 * (p.steps.length + 1);
      const [created] = await tx
        .insert(investmentProposals)
        .values({
          facilityId: id,
          item: p.item,
          category: p.category,
          estimatedCostVnd: p.estimatedCostVnd,
          priority: p.priority,
          requestedYear: p.requestedYear,
          fundingSource: p.fundingSource,
          justification: p.justification,
          createdBy: drafter,
          createdAt: at(daysAgo),
          updatedAt: at(daysAgo),
        })
        .returning({ id: investmentProposals.id });
      if (!created) continue;
      await tx
        .insert(proposalEvents)
        .values({ proposalId: created.id, toStatus: 'draft', actorId: drafter, at: at(daysAgo) });
      let from: Status = 'draft';
      for (const step of p.steps) {
        daysAgo -= 6;
        await tx
          .update(investmentProposals)
          .set({ status: step.to, version: sql`${investmentProposals.version} + 1`, updatedAt: at(daysAgo) })
          .where(sql`${investmentProposals.id} = ${created.id}`);
        await tx.insert(proposalEvents).values({
          proposalId: created.id,
          fromStatus: from,
          toStatus: step.to,
          comment: step.comment ?? null,
          actorId: step.by === 'centre' ? drafter : planner,
          at: at(daysAgo),
        });
        from = step.to;
      }
    }
  });
}

async function seedAssessment(tx: Tx, facilityId: string, assessedBy: string, assessedOn: string) {
  const [assessment] = await tx
    .insert(facilityAssessments)
    .values({
      facilityId,
      assessedOn,
      assessedBy,
      notes: 'Khảo sát hiện trạng cơ sở vật chất định kỳ hằng năm.',
    })
    .returning({ id: facilityAssessments.id });
  if (!assessment) return;
  await tx.insert(assessmentRatings).values([
    { assessmentId: assessment.id, system: 'roof', score: 2, notes: 'Mái tôn khu B dột, cần thay.' },
    { assessmentId: assessment.id, system: 'water', score: 3, notes: null },
    { assessmentId: assessment.id, system: 'electricity', score: 4, notes: null },
    {
      assessmentId: assessment.id,
      system: 'fire_safety',
      score: 2,
      notes: 'Chưa có báo cháy tự động; bình chữa cháy đủ.',
    },
    {
      assessmentId: assessment.id,
      system: 'accessibility',
      score: 3,
      notes: 'Thiếu lối đi cho xe lăn ở khu A.',
    },
    { assessmentId: assessment.id, system: 'kitchen', score: 4, notes: null },
  ]);
}
