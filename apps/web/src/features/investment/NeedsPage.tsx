import {
  createFromSuggestionInput,
  type ProposalCategory,
  type ProposalFundingSource,
  type ProposalPriority,
  proposalCategories,
  proposalFundingSources,
  proposalPriorities,
  type Suggestion,
} from '@ansinh/schemas/investment';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Modal,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useTRPC } from '../../api/trpc.ts';
import { useCan } from '../../auth/session.tsx';
import { DialogActions } from '../../components/DialogActions.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { FacilitySelect } from '../../components/FacilitySelect.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { VndInput } from '../../components/VndInput.tsx';
import { zodFormErrors } from '../../lib/form-errors.ts';
import { formatDate, formatVnd } from '../../lib/format.ts';
import { useServerErrors } from '../../lib/use-server-errors.ts';
import { ProposalStatusBadge } from './badges.tsx';
import { useChosenFacility } from './use-chosen-facility.ts';
import { useProposalChanged } from './use-proposal-changed.ts';

const kindColors: Record<Suggestion['kind'], string> = {
  space: 'violet',
  staffing: 'cyan',
  equipment_past_life: 'grape',
  equipment_shortfall: 'orange',
};

/** Gaps against the space and staffing standards and equipment flags, each offered as a draft proposal. */
export function NeedsPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [facilityId, choose] = useChosenFacility();
  const canDraft = useCan('proposal.draft');
  const [drafting, setDrafting] = useState<Suggestion | null>(null);
  const needs = useQuery({
    ...trpc.investment.suggestions.queryOptions({ facilityId: facilityId ?? '' }),
    enabled: Boolean(facilityId),
  });

  return (
    <Stack>
      <Title order={1} size="h2">
        {t('planning.investment.needs.title')}
      </Title>
      <Text c="dimmed" size="sm" maw={900}>
        {t('planning.investment.needs.intro')}
      </Text>
      <FacilitySelect label={t('common.facility')} w={420} value={facilityId} onChange={choose} />
      {!facilityId && <Text c="dimmed">{t('planning.investment.needs.chooseFacility')}</Text>}
      {facilityId && needs.isError && <ErrorState error={needs.error} />}
      {facilityId && needs.isPending && <PageLoader />}
      {needs.data && (
        <>
          <Text size="sm" c="dimmed">
            {t('planning.investment.needs.onDate', { date: formatDate(needs.data.onDate) })}
          </Text>
          {needs.data.suggestions.length === 0 && (
            <Alert color="green">{t('planning.investment.needs.empty')}</Alert>
          )}
          <SimpleGrid cols={{ base: 1, lg: 2 }}>
            {needs.data.suggestions.map((s) => (
              <Paper key={s.key} withBorder p="md" data-testid="suggestion">
                <Stack gap="xs">
                  <Group gap="xs">
                    <Badge color={kindColors[s.kind]} variant="light">
                      {t(`planning.investment.needs.kinds.${s.kind}`)}
                    </Badge>
                    {s.category && (
                      <Badge color="gray" variant="outline">
                        {t(`planning.investment.categories.${s.category}`)}
                      </Badge>
                    )}
                  </Group>
                  <Text fw={600}>{s.item}</Text>
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                    {s.justification}
                  </Text>
                  {s.costHintVnd !== null && (
                    <Text size="sm" c="dimmed">
                      {t('planning.investment.needs.costHint', { cost: formatVnd(s.costHintVnd) })}
                    </Text>
                  )}
                  <Group justify="space-between" mt="xs">
                    {s.proposedAs ? (
                      <Group gap="xs">
                        <Text size="sm">{t('planning.investment.needs.proposedAs')}</Text>
                        <ProposalStatusBadge status={s.proposedAs.status} />
                        <Anchor component={Link} to={`/investment/proposals/${s.proposedAs.id}`} size="sm">
                          {t('planning.investment.needs.openProposal')}
                        </Anchor>
                      </Group>
                    ) : (
                      <span />
                    )}
                    {canDraft && !s.proposedAs && (
                      <Button size="xs" onClick={() => setDrafting(s)}>
                        {t('planning.investment.needs.create')}
                      </Button>
                    )}
                  </Group>
                </Stack>
              </Paper>
            ))}
          </SimpleGrid>
        </>
      )}
      {drafting && facilityId && (
        <DraftFromNeedModal facilityId={facilityId} need={drafting} onClose={() => setDrafting(null)} />
      )}
    </Stack>
  );
}

interface DraftFormState {
  item: string;
  category: ProposalCategory | null;
  estimatedCostVnd: number | string;
  priority: ProposalPriority;
  requestedYear: number | string;
  fundingSource: ProposalFundingSource;
  justification: string;
}

function DraftFromNeedModal({
  facilityId,
  need,
  onClose,
}: {
  facilityId: string;
  need: Suggestion;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const navigate = useNavigate();
  const changed = useProposalChanged();
  const toInput = (v: DraftFormState) => ({
    facilityId,
    key: need.key,
    item: v.item,
    category: v.category ?? undefined,
    estimatedCostVnd: v.estimatedCostVnd === '' ? undefined : Number(v.estimatedCostVnd),
    priority: v.priority,
    requestedYear: v.requestedYear === '' ? undefined : Number(v.requestedYear),
    fundingSource: v.fundingSource,
    justification: v.justification,
  });
  const form = useForm<DraftFormState>({
    mode: 'controlled',
    initialValues: {
      item: need.item,
      category: need.category,
      estimatedCostVnd: need.costHintVnd ?? '',
      priority: 'medium',
      requestedYear: new Date().getFullYear() + 1,
      fundingSource: 'provincial_budget',
      justification: need.justification,
    },
    validate: (values) => ({
      ...(values.category ? {} : { category: t('planning.investment.needs.staffingCategory') }),
      ...zodFormErrors(createFromSuggestionInput, toInput(values)),
    }),
  });
  const errors = useServerErrors(form.setErrors);
  const create = useMutation(
    trpc.investment.createFromSuggestion.mutationOptions({
      onMutate: errors.clear,
      onSuccess: async (proposal) => {
        await changed(proposal);
        notifications.show({ color: 'green', message: t('planning.investment.needs.created') });
        await navigate(`/investment/proposals/${proposal.id}`);
      },
      onError: errors.onError,
    }),
  );
  const options = <T extends string>(values: readonly T[], labelOf: (value: T) => string) =>
    values.map((value) => ({ value, label: labelOf(value) }));
  return (
    <Modal opened onClose={onClose} title={t('planning.investment.needs.createTitle')} size="xl">
      <form
        noValidate
        onSubmit={form.onSubmit((v) => create.mutate(createFromSuggestionInput.parse(toInput(v))))}
      >
        <Stack>
          <TextInput
            label={t('planning.investment.fields.item')}
            required
            data-autofocus
            {...form.getInputProps('item')}
          />
          {/* The need was not found again (the figures changed since the list was loaded). */}
          {form.errors.key && <Alert color="red">{form.errors.key}</Alert>}
          {!need.category && <Alert color="blue">{t('planning.investment.needs.staffingCategory')}</Alert>}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('planning.investment.fields.category')}
              required
              data={options(proposalCategories, (v) => t(`planning.investment.categories.${v}`))}
              {...form.getInputProps('category')}
            />
            <VndInput
              label={t('planning.investment.fields.estimatedCostVnd')}
              required
              {...form.getInputProps('estimatedCostVnd')}
            />
            <Select
              label={t('planning.investment.fields.priority')}
              required
              allowDeselect={false}
              data={options(proposalPriorities, (v) => t(`planning.investment.priorities.${v}`))}
              {...form.getInputProps('priority')}
            />
            <NumberInput
              label={t('planning.investment.fields.requestedYear')}
              required
              min={2000}
              max={2100}
              allowDecimal={false}
              allowNegative={false}
              {...form.getInputProps('requestedYear')}
            />
            <Select
              label={t('planning.investment.fields.fundingSource')}
              required
              allowDeselect={false}
              data={options(proposalFundingSources, (v) => t(`planning.investment.fundingSources.${v}`))}
              {...form.getInputProps('fundingSource')}
            />
          </SimpleGrid>
          <Textarea
            label={t('planning.investment.fields.justification')}
            autosize
            minRows={4}
            {...form.getInputProps('justification')}
          />
        </Stack>
        <DialogActions
          onCancel={onClose}
          submitLabel={t('planning.investment.needs.create')}
          submitting={create.isPending}
          error={errors.general}
        />
      </form>
    </Modal>
  );
}
