/** The catalogue administrators keep: custom fields per category and item models with their norms. */
import type { Db } from '@ansinh/db/client';
import { constraintViolationOf } from '@ansinh/db/errors';
import { categoryFields, itemModels } from '@ansinh/db/schema/equipment';
import { DomainError } from '@ansinh/domain/errors';
import {
  type CategoryField,
  type categoryFieldInput,
  type ItemModel,
  itemModelInput,
  type itemModelUpdateInput,
} from '@ansinh/schemas/equipment';
import { asc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { recordAudit } from '../audit.ts';
import { definedOnly, type EquipmentWork, invalidInput } from './equipment-common.ts';

/** A unique (category, name/key) violation becomes a field error the form can show. */
async function uniqueAsFieldError<T>(
  constraint: string,
  field: string,
  message: string,
  work: () => Promise<T>,
): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (constraintViolationOf(error)?.constraint === constraint) throw invalidInput(field, message);
    throw error;
  }
}

export function listCategoryFields(db: Db): Promise<CategoryField[]> {
  return db
    .select({
      id: categoryFields.id,
      category: categoryFields.category,
      key: categoryFields.key,
      labelVi: categoryFields.labelVi,
      labelEn: categoryFields.labelEn,
      type: categoryFields.type,
      required: categoryFields.required,
    })
    .from(categoryFields)
    .orderBy(asc(categoryFields.category), asc(categoryFields.createdAt), asc(categoryFields.key));
}

export function createCategoryField(
  work: EquipmentWork,
  input: z.infer<typeof categoryFieldInput>,
): Promise<CategoryField> {
  return uniqueAsFieldError(
    'equipment_category_fields_key',
    'key',
    'Nhóm tài sản này đã có trường với khóa này',
    () =>
      work.db.transaction(async (tx) => {
        const [created] = await tx.insert(categoryFields).values(input).returning();
        if (!created) throw new Error('insert returned no row');
        const { createdAt: _c, ...field } = created;
        await recordAudit(tx, work.meta, {
          actorId: work.actor.id,
          action: 'equipment.field.create',
          entityType: 'equipment_category_field',
          entityId: field.id,
          after: field,
        });
        return field;
      }),
  );
}

/**
 * Removes a field definition. Values items already hold stay in their records (and history); they are
 * no longer asked for, and an edit that keeps them unchanged is still accepted.
 */
export async function removeCategoryField(work: EquipmentWork, id: string): Promise<CategoryField> {
  return work.db.transaction(async (tx) => {
    const [removed] = await tx.delete(categoryFields).where(eq(categoryFields.id, id)).returning();
    if (!removed) throw new DomainError('CUSTOM_FIELD_INVALID', { field: id, label: id, labelEn: id });
    const { createdAt: _c, ...field } = removed;
    await recordAudit(tx, work.meta, {
      actorId: work.actor.id,
      action: 'equipment.field.remove',
      entityType: 'equipment_category_field',
      entityId: id,
      before: field,
    });
    return field;
  });
}

const modelColumns = {
  id: itemModels.id,
  name: itemModels.name,
  category: itemModels.category,
  usefulLifeYears: itemModels.usefulLifeYears,
  minPerFacility: itemModels.minPerFacility,
  minPerBed: itemModels.minPerBed,
  version: itemModels.version,
};

export function listModels(db: Db): Promise<ItemModel[]> {
  return db.select(modelColumns).from(itemModels).orderBy(asc(itemModels.category), asc(itemModels.name));
}

const modelNameTaken = (work: () => Promise<ItemModel>) =>
  uniqueAsFieldError('equipment_models_name_key', 'name', 'Nhóm tài sản này đã có mẫu cùng tên', work);

export function createModel(work: EquipmentWork, input: z.infer<typeof itemModelInput>): Promise<ItemModel> {
  return modelNameTaken(() =>
    work.db.transaction(async (tx) => {
      const [model] = await tx.insert(itemModels).values(input).returning(modelColumns);
      if (!model) throw new Error('insert returned no row');
      await recordAudit(tx, work.meta, {
        actorId: work.actor.id,
        action: 'equipment.model.create',
        entityType: 'equipment_model',
        entityId: model.id,
        after: model,
      });
      return model;
    }),
  );
}

export function updateModel(
  work: EquipmentWork,
  input: z.infer<typeof itemModelUpdateInput>,
): Promise<ItemModel> {
  const { id, version, ...changes } = input;
  return modelNameTaken(() =>
    work.db.transaction(async (tx) => {
      const [before] = await tx
        .select(modelColumns)
        .from(itemModels)
        .where(eq(itemModels.id, id))
        .for('update');
      if (!before) throw new DomainError('MODEL_NOT_FOUND');
      if (before.version !== version)
        throw new DomainError('STALE_VERSION', { currentVersion: before.version });
      const { id: _id, version: _v, ...current } = before;
      const merged = itemModelInput.parse({ ...current, ...definedOnly(changes) });
      const [after] = await tx
        .update(itemModels)
        .set({ ...merged, version: sql`${itemModels.version} + 1` })
        .where(eq(itemModels.id, id))
        .returning(modelColumns);
      if (!after) throw new Error('update returned no row');
      await recordAudit(tx, work.meta, {
        actorId: work.actor.id,
        action: 'equipment.model.update',
        entityType: 'equipment_model',
        entityId: id,
        before,
        after,
      });
      return after;
    }),
  );
}
