import { AppShell, Badge, Button, Group, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api, BACKGROUND, ok, type Me } from '../api/client';
import { displayName, useSignOut } from '../features/auth/session';
import { Link } from './Link';
import { useRoute } from './router';

export const UNREAD_KEY = ['notifications', 'unread'] as const;

/** Unread notifications of the account's inbox (the count shown in the header). */
export function useUnreadCount() {
  return useQuery({
    queryKey: UNREAD_KEY,
    // Asked every minute by the page itself: not the clerk's activity, so it does not keep the session alive.
    queryFn: async () => ok(await api.GET('/api/v1/notifications', { params: { query: { unread: true, limit: 100 } }, headers: BACKGROUND })).items.length,
    refetchInterval: 60_000,
  });
}

export function Layout({ me, onSwitchLanguage, children }: { me: Me; onSwitchLanguage: () => void; children: ReactNode }) {
  const { t } = useTranslation();
  const route = useRoute();
  const signOut = useSignOut();
  const unread = useUnreadCount();
  const count = unread.data ?? 0;
  return (
    <AppShell header={{ height: 60 }} padding="md">
      <AppShell.Header px="md">
        <Group h="100%" justify="space-between" wrap="nowrap">
          <Group gap="lg" wrap="nowrap" style={{ overflowX: 'auto' }}>
            <Text fw={700} c="red.9" visibleFrom="sm">
              {t('app.title')}
            </Text>
            <Group component="nav" gap="md" wrap="nowrap" aria-label={t('app.title')} style={{ whiteSpace: 'nowrap' }} fz={{ base: 'sm', sm: 'md' }}>
              <Link to={{ name: 'worklist' }} fw={route.name === 'worklist' ? 700 : 400} c="dark">
                {t('app.worklist')}
              </Link>
              <Link to={{ name: 'audit' }} fw={route.name === 'audit' ? 700 : 400} c="dark">
                {t('app.audit')}
              </Link>
              <Link to={{ name: 'statistics' }} fw={route.name === 'statistics' ? 700 : 400} c="dark">{t('statistics.nav')}</Link>
              {me.roles.includes('admin') ? (
                <Link to={{ name: 'accounts' }} fw={route.name === 'accounts' ? 700 : 400} c="dark">
                  {t('app.accounts')}
                </Link>
              ) : null}
              {me.roles.includes('admin') ? <Link to={{ name: 'admin', tab: 'organisations' }} fw={route.name === 'admin' ? 700 : 400} c="dark">{t('admin.nav')}</Link> : null}
              <Link to={{ name: 'inbox' }} fw={route.name === 'inbox' ? 700 : 400} c="dark" style={{ display: 'inline-flex', alignItems: 'center', gap: 6 }}>
                {t('app.inbox')}{' '}
                {count > 0 ? (
                  <Badge color="red" size="sm" circle={count < 10} data-testid="unread-count">
                    {count >= 100 ? '99+' : count}
                    <VisuallyHidden> {t('inbox.unread').toLowerCase()}</VisuallyHidden>
                  </Badge>
                ) : null}
              </Link>
            </Group>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <Text size="sm" visibleFrom="sm" data-testid="signed-in-as">
              {displayName(me)}
            </Text>
            <UnstyledButton onClick={onSwitchLanguage} fz="sm" c="blue.9" visibleFrom="sm">
              {t('app.language')}
            </UnstyledButton>
            <Button variant="default" size="xs" onClick={() => void signOut()}>
              {t('app.signOut')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Main bg="gray.0">{children}</AppShell.Main>
    </AppShell>
  );
}
