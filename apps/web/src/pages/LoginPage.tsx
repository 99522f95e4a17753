import { loginInput } from '@ansinh/schemas/auth';
import { Button, Center, Group, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { useTRPC } from '../api/trpc.ts';
import { useCurrentUserQuery } from '../auth/session.tsx';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { LanguageSwitch } from '../components/LanguageSwitch.tsx';
import { zodFormErrors } from '../lib/form-errors.ts';

/** Where to go after signing in: the page that sent us here, if it was one of ours. */
function useReturnTo(): string {
  const state: unknown = useLocation().state;
  const from = state && typeof state === 'object' && 'from' in state ? state.from : undefined;
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('/login')
    ? from
    : '/facilities';
}

export function LoginPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const returnTo = useReturnTo();
  const me = useCurrentUserQuery();
  const form = useForm({
    mode: 'uncontrolled',
    initialValues: { username: '', password: '' },
    validate: (values) => zodFormErrors(loginInput, values),
  });
  const login = useMutation(
    trpc.auth.login.mutationOptions({
      onSuccess: (user) => {
        // A previous user's cached pages must not leak into this session; setting `me` triggers the redirect.
        queryClient.clear();
        queryClient.setQueryData(trpc.auth.me.queryKey(), user);
      },
    }),
  );

  if (me.data) return <Navigate to={returnTo} replace />;

  return (
    <Center mih="100vh" p="md" bg="gray.0">
      <Paper withBorder shadow="sm" p="xl" radius="md" w={400} maw="100%">
        <Group justify="space-between" align="flex-start" mb="xs">
          <Text fw={700} size="xl" c="blue.8">
            {t('app.name')}
          </Text>
          <LanguageSwitch />
        </Group>
        <Title order={1} size="h2">
          {t('login.title')}
        </Title>
        <Text c="dimmed" size="sm" mb="lg">
          {t('login.subtitle')}
        </Text>
        <form onSubmit={form.onSubmit((values) => login.mutate(values))} noValidate>
          <Stack>
            <TextInput
              label={t('login.username')}
              autoComplete="username"
              required
              key={form.key('username')}
              {...form.getInputProps('username')}
            />
            <PasswordInput
              label={t('login.password')}
              autoComplete="current-password"
              required
              key={form.key('password')}
              {...form.getInputProps('password')}
            />
            {login.error && <ErrorAlert error={login.error} />}
            <Button type="submit" fullWidth loading={login.isPending}>
              {t('login.submit')}
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
