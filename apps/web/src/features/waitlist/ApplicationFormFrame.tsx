import { Button, Group, Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { ApplicationFormFields } from './ApplicationFormFields.tsx';
import type { ApplicationForm } from './application-form.ts';

interface ApplicationFormFrameProps {
  title: string;
  form: ApplicationForm;
  /** Validates and saves; the frame only stops the browser's own submit. */
  onSubmit: () => void;
  submitting: boolean;
  error: unknown;
  cancelTo: string;
  communeName?: string;
  /** Above the fields, e.g. a version conflict. */
  notice?: ReactNode;
}

export function ApplicationFormFrame(props: ApplicationFormFrameProps) {
  const { t } = useTranslation();
  return (
    <Stack maw={1000}>
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
        <Stack>
          <ApplicationFormFields form={props.form} communeName={props.communeName} />
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
      </form>
    </Stack>
  );
}
