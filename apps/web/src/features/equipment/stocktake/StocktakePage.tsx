import { assetCode as assetCodeSchema, type Item, type StocktakeReport } from '@ansinh/schemas/equipment';
import {
  Alert,
  Button,
  Group,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useTRPC } from '../../../api/trpc.ts';
import { useCan, useFacilityScope } from '../../../auth/session.tsx';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { ErrorState } from '../../../components/ErrorState.tsx';
import { FacilitySelect } from '../../../components/FacilitySelect.tsx';
import { PageLoader } from '../../../components/PageLoader.tsx';
import { domainCodeOf } from '../../../lib/errors.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { uuidParam } from '../../../lib/url-params.ts';
import { MarkCard } from './MarkCard.tsx';
import { ScannerModal } from './ScannerModal.tsx';
import { StocktakeCounters } from './StocktakeCounters.tsx';
import { StocktakeHistory } from './StocktakeHistory.tsx';
import { UnexpectedModal } from './UnexpectedModal.tsx';

/** Pick the facility (one's own is preselected), then start a count or continue the open one. */
export function StocktakePage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const canWrite = useCan('equipment.write');
  const { ownFacilityId } = useFacilityScope();
  const [params, setParams] = useSearchParams();
  const facilityId = uuidParam(params.get('facilityId')) ?? ownFacilityId;
  const currentKey = facilityId ? trpc.equipment.stocktakes.current.queryKey({ facilityId }) : null;
  const current = useQuery({
    ...trpc.equipment.stocktakes.current.queryOptions({ facilityId: facilityId ?? '' }),
    enabled: facilityId !== null,
  });
  const start = useMutation(
    trpc.equipment.stocktakes.start.mutationOptions({
      onSuccess: async (report) => {
        if (currentKey) queryClient.setQueryData(currentKey, report);
        await queryClient.invalidateQueries({ queryKey: trpc.equipment.stocktakes.list.pathKey() });
      },
      // Someone else started one meanwhile: show theirs, the count is shared.
      onError: (error) =>
        domainCodeOf(error) === 'STOCKTAKE_OPEN' &&
        currentKey &&
        queryClient.invalidateQueries({ queryKey: currentKey }),
    }),
  );

  return (
    <Stack maw={900}>
      <Title order={1} size="h2">
        {t('equipment.stocktake.title')}
      </Title>
      <FacilitySelect
        label={t('common.facility')}
        maw={480}
        readOnly={ownFacilityId !== null}
        value={facilityId}
        onChange={(id) => setParams(id ? { facilityId: id } : {})}
      />
      {!facilityId && <Text c="dimmed">{t('equipment.stocktake.chooseFacility')}</Text>}
      {current.isError && <ErrorState error={current.error} />}
      {facilityId && current.isPending && <PageLoader />}
      {current.data === null && (
        <Paper withBorder p="md">
          <Stack>
            <Text fw={500}>{t('equipment.stocktake.noOpen')}</Text>
            <Text size="sm" c="dimmed">
              {t('equipment.stocktake.startHint')}
            </Text>
            {start.isError && <ErrorAlert error={start.error} />}
            {canWrite && facilityId && (
              <Group>
                <Button size="lg" loading={start.isPending} onClick={() => start.mutate({ facilityId })}>
                  {t('equipment.stocktake.start')}
                </Button>
              </Group>
            )}
          </Stack>
        </Paper>
      )}
      {current.data && (
        <OpenStocktake
          key={current.data.id}
          report={current.data}
          onChange={(report) => currentKey && queryClient.setQueryData(currentKey, report)}
        />
      )}
      {facilityId && <StocktakeHistory key={facilityId} facilityId={facilityId} />}
    </Stack>
  );
}

function OpenStocktake({
  report,
  onChange,
}: {
  report: StocktakeReport;
  onChange: (report: StocktakeReport) => void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const canWrite = useCan('equipment.write');
  const [scanning, setScanning] = useState(false);
  const [addingUnexpected, setAddingUnexpected] = useState(false);
  const [picked, setPicked] = useState<Item | null>(null);
  const [scanMessage, setScanMessage] = useState<string | null>(null);
  const [scanError, setScanError] = useState<unknown>(null);

  /** A scanned label names an asset code; the item behind it must be one of this facility's. */
  const lookUp = useMutation({
    mutationFn: (assetCode: string) =>
      queryClient.fetchQuery({
        ...trpc.equipment.items.byAssetCode.queryOptions({ assetCode }),
        staleTime: 0,
      }),
    onMutate: () => {
      setScanMessage(null);
      setScanError(null);
      setPicked(null);
    },
    onSuccess: (item) => {
      if (item.facilityId !== report.facilityId) {
        setScanMessage(
          t('equipment.stocktake.otherFacility', { code: item.assetCode, facility: item.facilityName }),
        );
      } else if (item.status === 'disposed') {
        setScanMessage(t('equipment.stocktake.disposedItem', { code: item.assetCode }));
      } else {
        setPicked(item);
      }
    },
    onError: (error, assetCode) => {
      if (domainCodeOf(error) === 'ITEM_NOT_FOUND') {
        setScanMessage(t('equipment.stocktake.scannedUnknown', { code: assetCode }));
      } else setScanError(error);
    },
  });
  const onScan = (text: string) => {
    setScanning(false);
    const code = assetCodeSchema.safeParse(text);
    if (code.success) lookUp.mutate(code.data);
    else setScanMessage(t('equipment.stocktake.scannedUnknown', { code: text.slice(0, 60) }));
  };

  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2} size="h3">
            {report.facilityName}
          </Title>
          <Text c="dimmed" size="sm">
            {t('equipment.stocktake.openSince', { at: formatDateTime(report.startedAt) })}
          </Text>
        </div>
        <Group gap="sm">
          {canWrite && (
            <Button variant="default" onClick={() => setAddingUnexpected(true)}>
              {t('equipment.stocktake.addUnexpected')}
            </Button>
          )}
          <Button component={Link} to={`/equipment/stocktake/${report.id}`}>
            {t('equipment.stocktake.finish')}
          </Button>
        </Group>
      </Group>
      <StocktakeCounters report={report} />
      {canWrite && (
        <Paper withBorder p="md">
          <Stack>
            <Button
              size="xl"
              h={72}
              fullWidth
              leftSection={<CameraIcon />}
              onClick={() => setScanning(true)}
              loading={lookUp.isPending}
            >
              {t('equipment.stocktake.scan')}
            </Button>
            <ItemSearch
              facilityId={report.facilityId}
              report={report}
              onPick={(item) => {
                setScanMessage(null);
                setScanError(null);
                setPicked(item);
              }}
            />
          </Stack>
        </Paper>
      )}
      {scanMessage && (
        <Alert color="orange" role="alert" withCloseButton onClose={() => setScanMessage(null)}>
          {scanMessage}
        </Alert>
      )}
      {scanError ? <ErrorAlert error={scanError} /> : null}
      {picked && (
        <MarkCard
          key={picked.id}
          report={report}
          item={picked}
          onMarked={(saved) => {
            onChange(saved);
            setPicked(null);
          }}
          onCancel={() => setPicked(null)}
        />
      )}
      {scanning && <ScannerModal onScan={onScan} onClose={() => setScanning(false)} />}
      {addingUnexpected && (
        <UnexpectedModal report={report} onSaved={onChange} onClose={() => setAddingUnexpected(false)} />
      )}
    </Stack>
  );
}

function CameraIcon() {
  return (
    <svg
      width={28}
      height={28}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={2}
      aria-hidden
    >
      <path d="M4 8h3l2-3h6l2 3h3a1 1 0 0 1 1 1v10a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V9a1 1 0 0 1 1-1z" />
      <circle cx={12} cy={13} r={4} />
    </svg>
  );
}

/** The way without a camera: find the item by its code or name (the server ignores diacritics). */
function ItemSearch({
  facilityId,
  report,
  onPick,
}: {
  facilityId: string;
  report: StocktakeReport;
  onPick: (item: Item) => void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const found = useQuery({
    ...trpc.equipment.items.list.queryOptions({
      facilityId,
      search: debounced,
      page: 1,
      pageSize: 8,
      sort: { field: 'assetCode', direction: 'asc' },
    }),
    enabled: debounced !== '',
    placeholderData: keepPreviousData,
  });
  const outcomeOf = (itemId: string) => report.lines.find((l) => l.itemId === itemId)?.outcome;
  // Results go as soon as the box is emptied (an item picked), not a debounce later.
  const searching = debounced !== '' && search.trim() !== '';

  return (
    <Stack gap="xs">
      <TextInput
        label={t('equipment.stocktake.searchLabel')}
        placeholder={t('equipment.stocktake.searchPlaceholder')}
        type="search"
        value={search}
        onChange={(event) => setSearch(event.currentTarget.value)}
      />
      {found.isError && <ErrorAlert error={found.error} />}
      {searching && found.data && found.data.items.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('equipment.stocktake.noResults')}
        </Text>
      )}
      {searching && found.data && found.data.items.length > 0 && (
        <Table highlightOnHover>
          <Table.Tbody>
            {found.data.items.map((item) => {
              const outcome = outcomeOf(item.id);
              return (
                <Table.Tr key={item.id}>
                  <Table.Td p={0}>
                    <UnstyledButton
                      w="100%"
                      p="xs"
                      onClick={() => {
                        setSearch('');
                        onPick(item);
                      }}
                    >
                      <Group justify="space-between" wrap="nowrap">
                        <div>
                          <Text fw={500}>{item.name}</Text>
                          <Text size="sm" c="dimmed">
                            <Text span ff="monospace" size="sm">
                              {item.assetCode}
                            </Text>
                            {item.location ? ` · ${item.location}` : ''}
                          </Text>
                        </div>
                        <Text size="sm" c={outcome && outcome !== 'missing' ? 'green' : 'dimmed'}>
                          {outcome && outcome !== 'missing'
                            ? t(`equipment.outcomes.${outcome}`)
                            : t('equipment.stocktake.notMarked')}
                        </Text>
                      </Group>
                    </UnstyledButton>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
