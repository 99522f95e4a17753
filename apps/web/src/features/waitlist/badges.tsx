import type { ApplicationStatus, OfferStatus, Urgency } from '@ansinh/schemas/waitlist';
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const urgencyColors: Record<Urgency, string> = { emergency: 'red', high: 'orange', normal: 'gray' };
const statusColors: Record<ApplicationStatus, string> = {
  waiting: 'blue',
  offered: 'yellow',
  admitted: 'green',
  withdrawn: 'gray',
};
const offerColors: Record<OfferStatus, string> = {
  open: 'yellow',
  accepted: 'green',
  declined: 'red',
  withdrawn: 'gray',
};

export function UrgencyBadge({ urgency }: { urgency: Urgency }) {
  const { t } = useTranslation();
  return (
    <Badge color={urgencyColors[urgency]} variant={urgency === 'emergency' ? 'filled' : 'light'}>
      {t(`planning.waitlist.urgencies.${urgency}`)}
    </Badge>
  );
}

export function ApplicationStatusBadge({ status }: { status: ApplicationStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={statusColors[status]} variant="light" data-testid="application-status">
      {t(`planning.waitlist.statuses.${status}`)}
    </Badge>
  );
}

export function OfferStatusBadge({ status }: { status: OfferStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={offerColors[status]} variant="light">
      {t(`planning.waitlist.offerStatuses.${status}`)}
    </Badge>
  );
}
