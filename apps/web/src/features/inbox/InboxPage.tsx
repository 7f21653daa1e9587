import { Badge, Button, Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, ok, type Me } from '../../api/client';
import { Link } from '../../app/Link';
import { UNREAD_KEY } from '../../app/Layout';
import { ErrorNotice } from '../../components/ErrorNotice';
import { viDateTime } from '../../lib/dates';
import type { Lang } from '../../lib/payload';
import { isInspectorOnly } from '../auth/session';

/** The inbox of the account's units: reminders, escalations, ends of probation, newest first. */
export function InboxPage({ me }: { me: Me }) {
  const readOnly = isInspectorOnly(me);
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const client = useQueryClient();
  const inbox = useQuery({ queryKey: ['notifications', 'all'], queryFn: async () => ok(await api.GET('/api/v1/notifications', { params: { query: { limit: 100 } } })) });
  const markRead = useMutation({
    mutationFn: async (id: string) => ok(await api.POST('/api/v1/notifications/{id}/read', { params: { path: { id } } })),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['notifications'] });
      await client.invalidateQueries({ queryKey: UNREAD_KEY });
    },
  });

  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('inbox.title')}
      </Title>
      {inbox.error ? <ErrorNotice error={inbox.error} /> : null}
      {markRead.error ? <ErrorNotice error={markRead.error} /> : null}
      {inbox.isPending ? <Loader size="sm" /> : null}
      {inbox.data && inbox.data.items.length === 0 ? <Text>{t('inbox.empty')}</Text> : null}
      <Stack gap="sm" data-testid="inbox">
        {inbox.data?.items.map((n) => (
          <Card key={n.id} withBorder bg={n.readAt ? undefined : 'red.0'}>
            <Group justify="space-between" align="flex-start" wrap="nowrap">
              <div>
                <Group gap="xs">
                  {n.readAt ? null : (
                    <Badge color="red" size="sm">
                      {t('inbox.unread')}
                    </Badge>
                  )}
                  <Text fw={700}>{n.title[lang]}</Text>
                </Group>
                <Text size="sm" mt={4}>
                  {n.body[lang]}
                </Text>
                <Text size="xs" c="gray.7" mt={4}>
                  {viDateTime(n.createdAt)}
                </Text>
              </div>
              <Stack gap={6} align="flex-end">
                {n.caseId ? (
                  <Link to={{ name: 'case', caseId: n.caseId }} size="sm">
                    {t('inbox.openCase')}
                  </Link>
                ) : null}
                {n.readAt ? (
                  <Text size="xs" c="gray.7">
                    {t('inbox.read')}
                  </Text>
                ) : readOnly ? null : (
                  <Button size="xs" variant="light" onClick={() => markRead.mutate(n.id)} loading={markRead.isPending && markRead.variables === n.id}>
                    {t('inbox.markRead')}
                  </Button>
                )}
              </Stack>
            </Group>
          </Card>
        ))}
      </Stack>
    </Stack>
  );
}
