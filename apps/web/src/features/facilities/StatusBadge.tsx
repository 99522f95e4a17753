import type { FacilityStatus } from '@ansinh/schemas/facility';
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const colors: Record<FacilityStatus, string> = {
  planned: 'gray',
  operating: 'green',
  suspended: 'orange',
  closed: 'red',
};

export function StatusBadge({ status }: { status: FacilityStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={colors[status]} variant="light">
      {t(`facility.statuses.${status}`)}
    </Badge>
  );
}
