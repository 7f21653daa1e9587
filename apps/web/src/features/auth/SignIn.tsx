import { Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { ErrorNotice } from '../../components/ErrorNotice';
import { replaceSession, signIn } from './session';

export function SignIn({ ended }: { ended: boolean }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const session = await signIn(username, password);
      replaceSession(client, session);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Center mih="100vh" bg="gray.1" p="md">
      <Paper component="form" onSubmit={(e) => void submit(e)} shadow="sm" p="xl" radius="md" w={400} maw="100%" withBorder>
        <Stack>
          <div>
            <Title order={1} size="h2">
              {t('app.title')}
            </Title>
            <Text c="gray.7" size="sm">
              {t('signIn.intro')}
            </Text>
          </div>
          {ended && !error ? <ErrorNotice error={new ApiError(401, { code: 'UNAUTHENTICATED', reason: 'SESSION_ENDED' })} /> : null}
          {error ? <ErrorNotice error={error} /> : null}
          <TextInput label={t('signIn.username')} value={username} onChange={(e) => setUsername(e.currentTarget.value)} autoComplete="username" required autoFocus />
          <PasswordInput label={t('signIn.password')} value={password} onChange={(e) => setPassword(e.currentTarget.value)} autoComplete="current-password" required />
          <Button type="submit" loading={busy}>
            {t('signIn.submit')}
          </Button>
        </Stack>
      </Paper>
    </Center>
  );
}
