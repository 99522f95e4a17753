import type { entitlementStatuses } from '@ansinh/schemas/resident';
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const statusColors: Record<(typeof entitlementStatuses)[number], string> = {
  entitled: 'green',
  not_entitled: 'gray',
  incomplete: 'orange',
};

export function EntitlementStatusBadge({ status }: { status: (typeof entitlementStatuses)[number] }) {
  const { t } = useTranslation();
  return (
    <Badge color={statusColors[status]} variant="light">
      {t(`resident.entitlementStatuses.${status}`)}
    </Badge>
  );
}

/** Art. 24(4): emergency protection lasts at most 3 months unless a later decision extends it. */
export function EmergencyOverdueBadge() {
  const { t } = useTranslation();
  return (
    <Badge color="red" variant="filled" size="sm">
      {t('resident.list.emergencyOverdue')}
    </Badge>
  );
}
