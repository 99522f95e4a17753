import { Button, Group, Paper, Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { ProposalFormFields } from './ProposalFormFields.tsx';
import type { ProposalForm } from './proposal-form.ts';

interface ProposalFormFrameProps {
  title: string;
  form: ProposalForm;
  /** Validates and saves; the frame only stops the browser's own submit. */
  onSubmit: () => void;
  submitting: boolean;
  error: unknown;
  cancelTo: string;
  facilityFixed?: boolean;
  /** Above the fields, e.g. a version conflict. */
  notice?: ReactNode;
}

export function ProposalFormFrame(props: ProposalFormFrameProps) {
  const { t } = useTranslation();
  return (
    <Stack maw={900}>
      <Title order={1} size="h2">
        {props.title}
      </Title>
      {props.notice}
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          props.onSubmit();
        }}
      >
        <Paper withBorder p="md">
          <Stack>
            <ProposalFormFields form={props.form} facilityFixed={props.facilityFixed} />
            {props.error ? <ErrorAlert error={props.error} /> : null}
            <Group justify="flex-end">
              <Button component={Link} to={props.cancelTo} variant="default">
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={props.submitting}>
                {t('common.save')}
              </Button>
            </Group>
          </Stack>
        </Paper>
      </form>
    </Stack>
  );
}
