import type { CategoryField } from '@ansinh/schemas/equipment';
import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../api/trpc.ts';
import { type Language, translateIfKnown, useLang } from '../../i18n/index.ts';
import { formatDate, formatNumber, formatVnd } from '../../lib/format.ts';

/** Ids that travel beside a name the history already shows (facility, model, stock-take). */
const hiddenFields = new Set(['facilityId', 'modelId', 'stocktakeId', 'itemId']);
/** The order of a fixed-asset card, so a change lists fields the way the item page shows them. */
const fieldOrder = [
  'assetCode',
  'name',
  'modelName',
  'category',
  'facilityName',
  'location',
  'serialNumber',
  'tracking',
  'quantity',
  'acquiredOn',
  'costVnd',
  'usefulLifeYears',
  'fundingSource',
  'condition',
  'status',
  'warrantyUntil',
  'disposedOn',
  'notes',
  'custom',
];

const isEmpty = (value: unknown) =>
  value === null ||
  value === undefined ||
  value === '' ||
  (typeof value === 'object' && !Array.isArray(value) && Object.values(value).every((v) => v === null));

/**
 * The changes worth showing, in card order: ids that travel beside a name are left out, and so are
 * fields that were empty and stay empty (a new item lists only what was filled in).
 */
export function visibleChanges<C extends { field: string; before: unknown; after: unknown }>(
  changes: C[],
): C[] {
  const rank = (field: string) => {
    const index = fieldOrder.indexOf(field);
    return index === -1 ? fieldOrder.length : index;
  };
  return changes
    .filter((c) => !hiddenFields.has(c.field) && !(isEmpty(c.before) && isEmpty(c.after)))
    .sort((a, b) => rank(a.field) - rank(b.field));
}

/** Enum fields and where their values are translated. */
const enumKeys: Record<string, string> = {
  category: 'equipment.categories',
  condition: 'equipment.conditions',
  status: 'equipment.statuses',
  fundingSource: 'equipment.fundingSources',
  tracking: 'equipment.trackings',
  stocktakeOutcome: 'equipment.outcomes',
  kind: 'equipment.maintenanceKinds',
};
const isoDate = /^\d{4}-\d{2}-\d{2}$/;

type Formatter = (field: string, value: unknown) => string;

function asRecord(value: unknown): Record<string, unknown> | null {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

/** Turns stored values into what the rest of the item page shows: labels, dd/MM/yyyy, 12.000.000 đ. */
function valueFormatter(t: TFunction, lang: Language, fields: readonly CategoryField[]): Formatter {
  const format: Formatter = (field, value) => {
    if (value === null || value === undefined || value === '') return t('common.empty');
    if (typeof value === 'boolean') return t(value ? 'common.yes' : 'common.no');
    if (typeof value === 'number') return field.endsWith('Vnd') ? formatVnd(value) : formatNumber(value);
    if (typeof value === 'string') {
      if (isoDate.test(value)) return formatDate(value);
      return (enumKeys[field] && translateIfKnown(`${enumKeys[field]}.${value}`)) ?? value;
    }
    if (Array.isArray(value)) return value.map((v) => format(field, v)).join('; ');
    const record = asRecord(value) ?? {};
    // A maintenance record, a schedule, or the item's custom values.
    if ('performedOn' in record && 'kind' in record) {
      return `${format('kind', record.kind)} ${format('performedOn', record.performedOn)}`;
    }
    if ('intervalMonths' in record && 'name' in record) {
      const next = record.active === false ? t('equipment.schedules.stopped') : format('', record.nextDueOn);
      return `${String(record.name)} (${t('equipment.schedules.every', { months: record.intervalMonths })}) → ${next}`;
    }
    const entries = Object.entries(record).filter(([, v]) => v !== null);
    if (entries.length === 0) return t('common.empty');
    return entries
      .map(([key, v]) => {
        const def = fields.find((f) => f.key === key);
        return `${def ? (lang === 'en' ? def.labelEn : def.labelVi) : key}: ${format(key, v)}`;
      })
      .join('; ');
  };
  return format;
}

/** Field names and values of items as people read them; used by the history and the import preview. */
export function useEquipmentValues() {
  const { t } = useTranslation();
  const lang = useLang();
  const trpc = useTRPC();
  const fields = useQuery(trpc.equipment.categoryFields.list.queryOptions());
  return {
    field: (name: string) => translateIfKnown(`equipment.fields.${name}`) ?? name,
    value: valueFormatter(t, lang, fields.data ?? []),
  };
}
