import { ruleStatuses } from '@ansinh/domain/entitlements/policy';
import type { StoredRule } from '@ansinh/schemas/policy';
import { Alert, Stack, Tabs, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../api/trpc.ts';
import { useCan } from '../../auth/session.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { formatDate } from '../../lib/format.ts';
import { BaseLevels } from './BaseLevels.tsx';
import { CompareScenarios } from './CompareScenarios.tsx';
import { type RuleAction, RuleCard } from './RuleCard.tsx';
import { RuleEditor } from './RuleEditor.tsx';
import { AdoptModal, ArchiveModal, firstOfNextMonth } from './RuleStatusModals.tsx';
import { ruleProblem } from './rule-problem.ts';
import { usePolicyChanged } from './use-policy-changed.ts';

type Dialog = { kind: 'edit' | 'adopt' | 'archive'; stored: StoredRule };

/**
 * The rules that decide entitlements, as the department keeps them: in force, proposed (directive 3715)
 * and archived. Planners edit proposals with a live cost preview, compare scenarios and adopt; everyone
 * else reads the same rules.
 */
export function PolicyWorkspacePage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const canManage = useCan('policy.manage');
  const overview = useQuery(trpc.policies.overview.queryOptions());
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const newVersion = useNewVersion((created) => setDialog({ kind: 'edit', stored: created }));

  if (overview.isPending) return <PageLoader />;
  if (overview.isError) return <ErrorState error={overview.error} />;
  const { rules, baseLevels } = overview.data;
  const onAction = (stored: StoredRule) => (action: RuleAction) =>
    action === 'newVersion' ? newVersion(stored) : setDialog({ kind: action, stored });
  const close = () => setDialog(null);

  return (
    <Stack>
      <Title order={1} size="h2">
        {t('policy.title')}
      </Title>
      {!canManage && <Alert color="gray">{t('policy.readOnly')}</Alert>}
      <Tabs defaultValue="rules" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="rules">{t('policy.tabs.rules')}</Tabs.Tab>
          <Tabs.Tab value="baseLevels">{t('policy.tabs.baseLevels')}</Tabs.Tab>
          {/* Previews show unsaved drafts, so the API offers them to policy managers only. */}
          {canManage && <Tabs.Tab value="compare">{t('policy.tabs.compare')}</Tabs.Tab>}
        </Tabs.List>
        <Tabs.Panel value="rules" pt="md">
          <Stack gap="xl">
            {ruleStatuses.map((status) => (
              <RuleSection
                key={status}
                title={t(`policy.statuses.${status}`)}
                rules={rules.filter((r) => r.rule.status === status)}
                onAction={canManage ? onAction : undefined}
              />
            ))}
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="baseLevels" pt="md">
          <BaseLevels levels={baseLevels} canManage={canManage} />
        </Tabs.Panel>
        {canManage && (
          <Tabs.Panel value="compare" pt="md">
            <CompareScenarios proposals={rules.filter((r) => r.rule.status === 'proposed')} />
          </Tabs.Panel>
        )}
      </Tabs>
      {dialog?.kind === 'edit' && <RuleEditor stored={dialog.stored} onClose={close} />}
      {dialog?.kind === 'adopt' && <AdoptModal stored={dialog.stored} onClose={close} />}
      {dialog?.kind === 'archive' && <ArchiveModal stored={dialog.stored} onClose={close} />}
    </Stack>
  );
}

interface RuleSectionProps {
  title: string;
  rules: StoredRule[];
  onAction: ((stored: StoredRule) => (action: RuleAction) => void) | undefined;
}

function RuleSection({ title, rules, onAction }: RuleSectionProps) {
  const { t } = useTranslation();
  return (
    <section>
      <Title order={2} size="h4" mb="sm">
        {title} ({rules.length})
      </Title>
      <Stack gap="sm">
        {rules.length === 0 && <Text c="dimmed">{t('policy.noRules')}</Text>}
        {rules.map((stored) => (
          <RuleCard key={stored.id} stored={stored} onAction={onAction?.(stored)} />
        ))}
      </Stack>
    </section>
  );
}

/**
 * A rule in force is never edited: a change is a new proposed version from a later date (the first of
 * next month), which the planner then edits and adopts.
 */
function useNewVersion(onCreated: (created: StoredRule) => void) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const changed = usePolicyChanged();
  const create = useMutation(
    trpc.policies.create.mutationOptions({
      onSuccess: async (created) => {
        await changed();
        notifications.show({
          color: 'green',
          message: t('policy.rule.newVersionDone', { date: formatDate(created.rule.effectiveFrom) }),
        });
        onCreated(created);
      },
      onError: (error) => notifications.show({ color: 'red', message: ruleProblem(error, t) }),
    }),
  );
  return (stored: StoredRule) =>
    create.mutate({
      rule: { ...stored.rule, status: 'proposed', effectiveFrom: firstOfNextMonth(), effectiveTo: null },
    });
}
