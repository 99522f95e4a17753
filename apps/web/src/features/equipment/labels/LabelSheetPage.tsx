import type { Item } from '@ansinh/schemas/equipment';
import { Alert, Anchor, Box, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useTRPC } from '../../../api/trpc.ts';
import { ErrorState } from '../../../components/ErrorState.tsx';
import { PageLoader } from '../../../components/PageLoader.tsx';
import { formatNumber } from '../../../lib/format.ts';
import { uuidParam } from '../../../lib/url-params.ts';
import { QrCode } from '../QrCode.tsx';
import { MAX_LABELS } from './label-link.ts';
import './label-sheet.css';

const PER_PAGE = 24;

/** /equipment/labels?ids=a,b,c → the items' ids, valid and unique, in the order given. */
function idsOf(params: URLSearchParams): string[] {
  const ids = (params.get('ids') ?? '').split(',').flatMap((id) => uuidParam(id.trim()) ?? []);
  return [...new Set(ids)].slice(0, MAX_LABELS);
}

export function LabelSheetPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [params] = useSearchParams();
  const ids = idsOf(params);
  const labels = useQuery({
    ...trpc.equipment.items.labels.queryOptions({ itemIds: ids }),
    enabled: ids.length > 0,
  });

  return (
    <Stack>
      <Stack className="no-print">
        <Anchor component={Link} to="/equipment" size="sm">
          ← {t('equipment.detail.back')}
        </Anchor>
        <Group justify="space-between">
          <div>
            <Title order={1} size="h2">
              {t('equipment.labels.title')}
            </Title>
            {labels.data && (
              <Text c="dimmed">
                {t('equipment.labels.count', { count: formatNumber(labels.data.length) })}
              </Text>
            )}
          </div>
          <Button size="md" disabled={!labels.data} onClick={() => window.print()}>
            {t('equipment.labels.print')}
          </Button>
        </Group>
        <Text size="sm" c="dimmed">
          {t('equipment.labels.hint')}
        </Text>
      </Stack>
      {ids.length === 0 && <Alert color="blue">{t('equipment.labels.none')}</Alert>}
      {labels.isError && <ErrorState error={labels.error} />}
      {ids.length > 0 && labels.isPending && <PageLoader />}
      {labels.data && (
        <Box style={{ overflowX: 'auto' }}>
          {pagesOf(labels.data).map((page) => (
            <div className="label-page" key={page[0]?.id}>
              {page.map((item) => (
                <Label key={item.id} item={item} />
              ))}
            </div>
          ))}
        </Box>
      )}
    </Stack>
  );
}

function pagesOf(items: Item[]): Item[][] {
  const pages: Item[][] = [];
  for (let i = 0; i < items.length; i += PER_PAGE) pages.push(items.slice(i, i + PER_PAGE));
  return pages;
}

function Label({ item }: { item: Item }) {
  return (
    <div className="label" data-testid="qr-label">
      <QrCode value={item.assetCode} size="26mm" />
      <div className="label-text">
        <div className="label-code">{item.assetCode}</div>
        <div className="label-name">{item.name}</div>
        <div className="label-facility">{item.facilityName}</div>
      </div>
    </div>
  );
}
