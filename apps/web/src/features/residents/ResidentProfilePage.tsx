import type { ResidentDetail } from '@ansinh/schemas/resident';
import { Anchor, Grid, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useTRPC } from '../../api/trpc.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { EntitlementHistory } from '../entitlements/EntitlementHistory.tsx';
import { EntitlementMonthCard } from '../entitlements/EntitlementMonthCard.tsx';
import { ChangeHistory } from './ChangeHistory.tsx';
import { ResidentDetails } from './ResidentDetails.tsx';
import { ResidentHeader } from './ResidentHeader.tsx';
import { StaysTimeline } from './StaysTimeline.tsx';

export function ResidentProfilePage() {
  const { id = '' } = useParams();
  const trpc = useTRPC();
  const resident = useQuery(trpc.residents.byId.queryOptions({ id }));
  if (resident.isPending) return <PageLoader />;
  if (resident.isError) return <ErrorState error={resident.error} />;
  return <ResidentProfile resident={resident.data} />;
}

function ResidentProfile({ resident }: { resident: ResidentDetail }) {
  const { t } = useTranslation();
  return (
    <Stack>
      <Anchor component={Link} to="/residents" size="sm">
        ← {t('resident.profile.back')}
      </Anchor>
      <ResidentHeader resident={resident} />
      <Grid>
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack>
            <EntitlementMonthCard residentId={resident.id} />
            <EntitlementHistory residentId={resident.id} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack>
            <StaysTimeline stays={resident.stays} />
            <ResidentDetails resident={resident} />
          </Stack>
        </Grid.Col>
      </Grid>
      <ChangeHistory residentId={resident.id} />
    </Stack>
  );
}
