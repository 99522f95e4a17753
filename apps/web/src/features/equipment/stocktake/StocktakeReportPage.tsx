import type { StocktakeReport } from '@ansinh/schemas/equipment';
import { Alert, Anchor, Badge, Button, Group, Modal, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useTRPC, useTRPCClient } from '../../../api/trpc.ts';
import { useCan } from '../../../auth/session.tsx';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { ErrorState } from '../../../components/ErrorState.tsx';
import { ExportButton } from '../../../components/ExportButton.tsx';
import { PageLoader } from '../../../components/PageLoader.tsx';
import { formatDateTime, formatNumber } from '../../../lib/format.ts';
import type { StocktakeLine, StocktakeOutcome } from '../types.ts';
import { StocktakeCounters } from './StocktakeCounters.tsx';

/** The lists a report is read by: what needs follow-up first, what was simply found last. */
const sections: StocktakeOutcome[] = [
  'missing',
  'wrong_location',
  'condition_changed',
  'unexpected',
  'found',
];

export function StocktakeReportPage() {
  const { id = '' } = useParams();
  const trpc = useTRPC();
  const report = useQuery(trpc.equipment.stocktakes.report.queryOptions({ id }));
  if (report.isPending) return <PageLoader />;
  if (report.isError) return <ErrorState error={report.error} />;
  return <Report report={report.data} />;
}

function Report({ report }: { report: StocktakeReport }) {
  const { t } = useTranslation();
  const client = useTRPCClient();
  const canWrite = useCan('equipment.write');
  const [confirming, setConfirming] = useState(false);
  const open = report.status === 'open';

  return (
    <Stack>
      <Anchor component={Link} to={`/equipment/stocktake?facilityId=${report.facilityId}`} size="sm">
        ← {t('equipment.report.back')}
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={1} size="h2">
            {t('equipment.report.title')}
          </Title>
          <Text fw={500}>{report.facilityName}</Text>
          <Group gap="xs" mt={4}>
            <Badge color={open ? 'yellow' : 'green'} variant="light" data-testid="stocktake-status">
              {t(`equipment.report.statuses.${report.status}`)}
            </Badge>
            <Text size="sm" c="dimmed">
              {t('equipment.report.startedAt')}: {formatDateTime(report.startedAt)}
              {report.appliedAt &&
                ` · ${t('equipment.report.appliedAt')}: ${formatDateTime(report.appliedAt)}`}
            </Text>
          </Group>
        </div>
        <Group gap="sm">
          <ExportButton download={() => client.equipment.stocktakes.exportReport.query({ id: report.id })} />
          {open && canWrite && (
            <>
              <Button
                variant="default"
                component={Link}
                to={`/equipment/stocktake?facilityId=${report.facilityId}`}
              >
                {t('equipment.stocktake.continue')}
              </Button>
              <Button color="green" onClick={() => setConfirming(true)}>
                {t('equipment.report.apply')}
              </Button>
            </>
          )}
        </Group>
      </Group>
      <StocktakeCounters report={report} />
      {sections.map((outcome) => (
        <LinesSection
          key={outcome}
          outcome={outcome}
          lines={report.lines.filter((l) => l.outcome === outcome)}
        />
      ))}
      {confirming && <ApplyModal report={report} onClose={() => setConfirming(false)} />}
    </Stack>
  );
}

function LinesSection({ outcome, lines }: { outcome: StocktakeOutcome; lines: StocktakeLine[] }) {
  const { t } = useTranslation();
  const empty = t('common.empty');
  const condition = (value: StocktakeLine['expectedCondition']) =>
    value ? t(`equipment.conditions.${value}`) : empty;
  return (
    <Paper withBorder p="md" data-testid={`lines-${outcome}`}>
      <Title order={2} size="h4" mb="sm">
        {t(`equipment.outcomes.${outcome}`)} ({formatNumber(lines.length)})
      </Title>
      {lines.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('equipment.report.empty')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={900}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('equipment.fields.assetCode')}</Table.Th>
                <Table.Th>{t('equipment.fields.name')}</Table.Th>
                <Table.Th>{t('equipment.report.expectedLocation')}</Table.Th>
                <Table.Th>{t('equipment.report.observedLocation')}</Table.Th>
                <Table.Th>{t('equipment.report.expectedCondition')}</Table.Th>
                <Table.Th>{t('equipment.report.observedCondition')}</Table.Th>
                <Table.Th>{t('equipment.report.note')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {lines.map((l) => (
                <Table.Tr key={l.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{l.assetCode ?? empty}</Table.Td>
                  <Table.Td>
                    {l.itemId ? (
                      <Anchor component={Link} to={`/equipment/${l.itemId}`}>
                        {l.name}
                      </Anchor>
                    ) : (
                      l.name
                    )}
                  </Table.Td>
                  <Table.Td>{l.expectedLocation ?? empty}</Table.Td>
                  <Table.Td>{l.observedLocation ?? empty}</Table.Td>
                  <Table.Td>{condition(l.expectedCondition)}</Table.Td>
                  <Table.Td>{condition(l.observedCondition)}</Table.Td>
                  <Table.Td>{l.note ?? empty}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}

function ApplyModal({ report, onClose }: { report: StocktakeReport; onClose: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const apply = useMutation(
    // The API calls it `finish`: tRPC reserves `apply` as a procedure name.
    trpc.equipment.stocktakes.finish.mutationOptions({
      onSuccess: async (applied) => {
        queryClient.setQueryData(trpc.equipment.stocktakes.report.queryKey({ id: applied.id }), applied);
        // Locations and conditions changed in the register; the facility has no open count any more.
        await queryClient.invalidateQueries({ queryKey: trpc.equipment.items.pathKey() });
        await queryClient.invalidateQueries({ queryKey: trpc.equipment.stocktakes.current.pathKey() });
        await queryClient.invalidateQueries({ queryKey: trpc.equipment.stocktakes.list.pathKey() });
        notifications.show({ color: 'green', message: t('equipment.report.applied') });
        onClose();
      },
    }),
  );
  return (
    <Modal opened onClose={onClose} title={t('equipment.report.applyTitle')} size="lg">
      <Stack>
        <Alert color="blue">{t('equipment.report.applyConfirm')}</Alert>
        {apply.isError && <ErrorAlert error={apply.error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button color="green" loading={apply.isPending} onClick={() => apply.mutate({ id: report.id })}>
            {t('equipment.report.apply')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
