import type { Stay } from '@ansinh/schemas/resident';
import { Paper, Text, Timeline, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../lib/format.ts';

/** Admissions and departures in order; a transfer shows as leaving one facility and entering the next. */
export function StaysTimeline({ stays }: { stays: Stay[] }) {
  const { t } = useTranslation();
  const sorted = [...stays].sort((a, b) => a.admittedOn.localeCompare(b.admittedOn));
  const events = sorted.flatMap((stay) => [
    { key: `${stay.id}-in`, stay, leaving: false },
    ...(stay.dischargedOn ? [{ key: `${stay.id}-out`, stay, leaving: true }] : []),
  ]);
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="sm">
        {t('resident.stays.title')}
      </Title>
      <Timeline active={events.length - 1} bulletSize={14} lineWidth={2}>
        {events.map(({ key, stay, leaving }) => (
          <Timeline.Item
            key={key}
            color={leaving ? 'gray' : 'blue'}
            title={
              leaving
                ? t('resident.stays.left', {
                    facility: stay.facilityName,
                    reason: stay.dischargeReason
                      ? t(`resident.dischargeReasons.${stay.dischargeReason}`)
                      : '',
                  })
                : t('resident.stays.admitted', { facility: stay.facilityName })
            }
          >
            <Text size="sm" c="dimmed">
              {formatDate(leaving ? stay.dischargedOn : stay.admittedOn)}
              {!leaving && !stay.dischargedOn && ` · ${t('resident.stays.current')}`}
            </Text>
            {!leaving && stay.admissionDecisionNumber && (
              <Text size="sm">{t('resident.stays.decision', { number: stay.admissionDecisionNumber })}</Text>
            )}
            {leaving && stay.dischargeNote && <Text size="sm">{stay.dischargeNote}</Text>}
          </Timeline.Item>
        ))}
      </Timeline>
    </Paper>
  );
}
