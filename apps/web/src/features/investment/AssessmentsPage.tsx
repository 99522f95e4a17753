import { type AssessedSystem, type Assessment, assessedSystems } from '@ansinh/schemas/investment';
import { Button, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../api/trpc.ts';
import { useCan } from '../../auth/session.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { FacilitySelect } from '../../components/FacilitySelect.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { formatDate, formatNumber } from '../../lib/format.ts';
import { AssessmentModal } from './AssessmentModal.tsx';
import { ScoreBadge, scoreLabel } from './badges.tsx';
import { useChosenFacility } from './use-chosen-facility.ts';

/** The condition of a facility's buildings and systems, survey after survey. */
export function AssessmentsPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const canWrite = useCan('assessment.write');
  const [facilityId, choose] = useChosenFacility();
  const [adding, setAdding] = useState(false);
  const list = useQuery({
    ...trpc.investment.assessments.list.queryOptions({ facilityId: facilityId ?? '' }),
    enabled: Boolean(facilityId),
  });

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1} size="h2">
          {t('planning.investment.assessments.title')}
        </Title>
        {canWrite && facilityId && (
          <Button onClick={() => setAdding(true)}>{t('planning.investment.assessments.add')}</Button>
        )}
      </Group>
      <FacilitySelect label={t('common.facility')} w={420} value={facilityId} onChange={choose} />
      {!facilityId && <Text c="dimmed">{t('planning.investment.assessments.chooseFacility')}</Text>}
      {facilityId && list.isError && <ErrorState error={list.error} />}
      {facilityId && list.isPending && <PageLoader />}
      {list.data && (
        <>
          <LatestScores assessments={list.data} />
          <AssessmentTable assessments={list.data} />
        </>
      )}
      {adding && facilityId && <AssessmentModal facilityId={facilityId} onClose={() => setAdding(false)} />}
    </Stack>
  );
}

/** For each system, its score in the latest survey that rated it (the list comes newest first). */
function latestBySystem(assessments: Assessment[]) {
  const latest = new Map<AssessedSystem, { score: number; on: string }>();
  for (const a of assessments) {
    for (const r of a.ratings) {
      if (!latest.has(r.system)) latest.set(r.system, { score: r.score, on: a.assessedOn });
    }
  }
  return latest;
}

function LatestScores({ assessments }: { assessments: Assessment[] }) {
  const { t } = useTranslation();
  const latest = latestBySystem(assessments);
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h5" mb="sm">
        {t('planning.investment.assessments.latest')}
      </Title>
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} data-testid="latest-scores">
        {assessedSystems.map((system) => {
          const entry = latest.get(system);
          return (
            <Stack key={system} gap={4} align="flex-start">
              <Text size="sm" fw={500}>
                {t(`planning.investment.systems.${system}`)}
              </Text>
              <Group gap={6}>
                <ScoreBadge score={entry?.score ?? null} size="lg" />
                {entry && (
                  <Text size="xs" c="dimmed">
                    {scoreLabel(t, entry.score).replace(/^\d – /, '')}
                  </Text>
                )}
              </Group>
              {entry && (
                <Text size="xs" c="dimmed">
                  {t('planning.investment.assessments.latestOn', { date: formatDate(entry.on) })}
                </Text>
              )}
            </Stack>
          );
        })}
      </SimpleGrid>
      <Text size="xs" c="dimmed" mt="sm">
        {t('planning.investment.assessments.scale')}
      </Text>
    </Paper>
  );
}

function AssessmentTable({ assessments }: { assessments: Assessment[] }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h5" mb="sm">
        {t('planning.investment.assessments.history')}
      </Title>
      <Table.ScrollContainer minWidth={1000}>
        <Table striped tabularNums verticalSpacing="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('planning.investment.assessments.assessedOn')}</Table.Th>
              <Table.Th>{t('planning.investment.assessments.assessedBy')}</Table.Th>
              {assessedSystems.map((system) => (
                <Table.Th key={system}>{t(`planning.investment.systems.${system}`)}</Table.Th>
              ))}
              <Table.Th>{t('planning.investment.assessments.lowest')}</Table.Th>
              <Table.Th>{t('planning.investment.assessments.notes')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {assessments.map((a) => (
              <Table.Tr key={a.id}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(a.assessedOn)}</Table.Td>
                <Table.Td>{a.assessedByName ?? t('common.empty')}</Table.Td>
                {assessedSystems.map((system) => {
                  const rating = a.ratings.find((r) => r.system === system);
                  return (
                    <Table.Td key={system} title={rating?.notes ?? undefined}>
                      {rating ? <ScoreBadge score={rating.score} /> : t('common.empty')}
                      {rating?.notes && (
                        <Text size="xs" c="dimmed" lineClamp={2} maw={160}>
                          {rating.notes}
                        </Text>
                      )}
                    </Table.Td>
                  );
                })}
                <Table.Td>
                  <ScoreBadge score={a.lowestScore} />
                </Table.Td>
                <Table.Td maw={260}>{a.notes}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {assessments.length === 0 && (
          <Text c="dimmed" ta="center" py="lg">
            {t('planning.investment.assessments.empty')}
          </Text>
        )}
      </Table.ScrollContainer>
      <Text size="sm" c="dimmed" mt="sm">
        {t('planning.investment.assessments.total', { total: formatNumber(assessments.length) })}
      </Text>
    </Paper>
  );
}
