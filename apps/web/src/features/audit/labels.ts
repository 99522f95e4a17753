import type { AuditEntry } from '@ansinh/schemas/audit';
import { useTranslation } from 'react-i18next';
import { translateIfKnown } from '../../i18n/index.ts';
import { formatDate, formatNumber } from '../../lib/format.ts';

/** Where field names and enum values of each audited entity type are translated. */
const fieldKeys: Record<string, string> = {
  facility: 'facility.fields',
  user: 'users.fields',
  resident: 'resident.fields',
  equipment_item: 'equipment.fields',
  equipment_model: 'equipment.fields',
};
const valueKeys: Record<string, string> = {
  type: 'facility.types',
  ownership: 'facility.ownerships',
  status: 'facility.statuses',
  role: 'roles',
  group: 'resident.groups',
  sex: 'resident.sexes',
  disabilityType: 'resident.disabilityTypes',
  disabilityLevel: 'resident.disabilityLevels',
  dischargeReason: 'resident.dischargeReasons',
  idNumberKind: 'resident.idNumberKinds',
};

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

function asRecord(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {};
}

/**
 * Audit rows store raw codes ('facility.update', 'licensedCapacity', 'non_public'); these turn them into
 * the words used elsewhere in the app, falling back to the raw code for anything not translated yet.
 */
export function useAuditLabels() {
  const { t } = useTranslation();
  return {
    action: (action: string) =>
      translateIfKnown(`audit.fullActions.${action.replaceAll('.', '_')}`) ??
      translateIfKnown(`audit.actions.${action.split('.').at(-1)}`) ??
      action,
    entity: (entry: AuditEntry) => {
      const type = translateIfKnown(`audit.entities.${entry.entityType}`) ?? entry.entityType;
      const snapshot = { ...asRecord(entry.before), ...asRecord(entry.after) };
      // Sign-in rows carry no snapshot, but their entity is the actor.
      const name =
        snapshot.name ??
        snapshot.fullName ??
        snapshot.username ??
        (entry.entityId === entry.actorId ? entry.actorUsername : null);
      return typeof name === 'string' ? `${type}: ${name}` : type;
    },
    field: (entityType: string, field: string) =>
      translateIfKnown(`${fieldKeys[entityType] ?? entityType}.${field}`) ?? field,
    value: (field: string, value: unknown): string => {
      if (value === null || value === undefined || value === '') return t('common.empty');
      if (typeof value === 'number') return formatNumber(value);
      if (typeof value === 'boolean') return t(value ? 'common.yes' : 'common.no');
      if (typeof value === 'string') {
        if (isoDate.test(value)) return formatDate(value);
        return (valueKeys[field] && translateIfKnown(`${valueKeys[field]}.${value}`)) ?? value;
      }
      return JSON.stringify(value);
    },
  };
}
