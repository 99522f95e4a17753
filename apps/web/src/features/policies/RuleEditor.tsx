import { type PolicyRule, policyRuleSchema } from '@ansinh/domain/entitlements/policy';
import type { StoredRule } from '@ansinh/schemas/policy';
import { Alert, Button, Grid, Group, Modal, SimpleGrid, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../api/trpc.ts';
import { DateField } from '../../components/DateField.tsx';
import { useLang } from '../../i18n/index.ts';
import { AmountEditor } from './AmountEditor.tsx';
import { PredicateEditor } from './PredicateEditor.tsx';
import { PreviewPanel } from './PreviewPanel.tsx';
import { ruleProblem } from './rule-problem.ts';
import { usePolicyChanged } from './use-policy-changed.ts';

/** The first problem of a draft, in words, or null when the shared schema accepts it. */
function useDraftProblem(draft: PolicyRule, jsonError: string | null): string | null {
  const { t } = useTranslation();
  if (jsonError) return t('policy.editor.jsonInvalid', { message: jsonError });
  const result = policyRuleSchema.safeParse(draft);
  if (result.success) return null;
  const issue = result.error.issues[0];
  return t('policy.editor.invalid', {
    message: `${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim(),
  });
}

/** Edits one proposal — amount, dates, who qualifies — with its cost previewed as it is typed. */
export function RuleEditor({ stored, onClose }: { stored: StoredRule; onClose: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const trpc = useTRPC();
  const changed = usePolicyChanged();
  const [draft, setDraft] = useState<PolicyRule>(stored.rule);
  const [jsonError, setJsonError] = useState<string | null>(null);
  const problem = useDraftProblem(draft, jsonError);
  const set = (changes: Partial<PolicyRule>) => setDraft((d) => ({ ...d, ...changes }));

  const save = useMutation(
    trpc.policies.update.mutationOptions({
      onSuccess: async () => {
        await changed();
        notifications.show({ color: 'green', message: t('policy.editor.saved') });
        onClose();
      },
    }),
  );

  return (
    <Modal
      opened
      onClose={onClose}
      size={1280}
      title={`${t('policy.editor.title')}: ${stored.rule.title[lang]}`}
    >
      <Grid>
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <Stack>
            {draft.amountIsPlaceholder && <Alert color="orange">{t('policy.editor.placeholderNote')}</Alert>}
            <AmountEditor
              amount={draft.amount}
              ruleKind={draft.kind}
              // A figure typed by the planner is no longer the directive's stand-in.
              onChange={(amount) => set({ amount, amountIsPlaceholder: undefined })}
            />
            <SimpleGrid cols={2}>
              <DateField
                label={t('policy.editor.effectiveFrom')}
                required
                value={draft.effectiveFrom}
                onChange={(date) => date && set({ effectiveFrom: date })}
              />
              <DateField
                label={t('policy.editor.effectiveTo')}
                description={t('policy.editor.effectiveToHint')}
                clearable
                value={draft.effectiveTo ?? null}
                onChange={(date) => set({ effectiveTo: date || null })}
              />
            </SimpleGrid>
            <PredicateEditor
              value={draft.predicate}
              onChange={(predicate) => set({ predicate })}
              onJsonError={setJsonError}
            />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <PreviewPanel original={stored.rule} draft={problem ? null : draft} />
        </Grid.Col>
      </Grid>
      {problem && (
        <Text c="red" size="sm" mt="sm">
          {problem}
        </Text>
      )}
      {save.error && (
        <Alert color="red" mt="sm" role="alert">
          {ruleProblem(save.error, t)}
        </Alert>
      )}
      <Group justify="flex-end" mt="md">
        <Button variant="default" onClick={onClose}>
          {t('common.cancel')}
        </Button>
        <Button
          disabled={problem !== null}
          loading={save.isPending}
          onClick={() => save.mutate({ id: stored.id, version: stored.version, rule: draft })}
        >
          {t('policy.editor.save')}
        </Button>
      </Group>
    </Modal>
  );
}
