import { Button, Group, Paper, Stack, Title } from '@mantine/core';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from './ErrorAlert.tsx';

interface FormFrameProps {
  title: string;
  /** The page's widest extent. */
  maw: number;
  /** Validates and saves; the frame only stops the browser's own submit. */
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  submitting: boolean;
  submitDisabled?: boolean;
  /** A failure that belongs to no single field. */
  error: unknown;
  cancelTo: string;
  /** Above the form, e.g. a version conflict. */
  notice?: ReactNode;
  /** Beside the cancel and save buttons, e.g. why saving is blocked. */
  status?: ReactNode;
  /** Sets the fields, the error and the buttons in a bordered panel. */
  bordered?: boolean;
  /** The fields. */
  children: ReactNode;
}

/** The frame of a create or edit page: title, notice, the fields, an error and the cancel/save bar. */
export function FormFrame(props: FormFrameProps) {
  const { t } = useTranslation();
  const body = (
    <Stack>
      {props.children}
      {props.error ? <ErrorAlert error={props.error} /> : null}
      <Group justify="flex-end">
        {props.status}
        <Button component={Link} to={props.cancelTo} variant="default">
          {t('common.cancel')}
        </Button>
        <Button type="submit" loading={props.submitting} disabled={props.submitDisabled}>
          {t('common.save')}
        </Button>
      </Group>
    </Stack>
  );
  return (
    <Stack maw={props.maw}>
      <Title order={1} size="h2">
        {props.title}
      </Title>
      {props.notice}
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          props.onSubmit(event);
        }}
      >
        {props.bordered ? (
          <Paper withBorder p="md">
            {body}
          </Paper>
        ) : (
          body
        )}
      </form>
    </Stack>
  );
}
