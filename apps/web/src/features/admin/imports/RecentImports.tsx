import { Button, Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from '../../../app/Link';
import { TEXT_COLORS } from '../../../app/colors';
import { DataTable } from '../../../components/DataTable';
import { viDateTime } from '../../../lib/dates';
import type { Lang } from '../../../lib/payload';
import { AdminError } from '../AdminError';
import { type ImportSummary, useRecentImports } from './queries';

const STATUS_COLOR: Record<ImportSummary['status'], string | undefined> = { queued: undefined, running: undefined, done: TEXT_COLORS.success, failed: TEXT_COLORS.refused };

/**
 * Các lần nhập gần đây: the imports of the account's subtree, newest first — when (dd/mm/yyyy HH:mm in Ho Chi Minh
 * City), who uploaded it, where it stands, how many rows are done and the counts — each opening its import above.
 */
export function RecentImports({ current }: { current?: string }) {
  const { t, i18n } = useTranslation();
  const lang: Lang = i18n.language === 'en' ? 'en' : 'vi';
  const number = new Intl.NumberFormat(lang === 'en' ? 'en-US' : 'vi-VN');
  const recent = useRecentImports();
  const items = recent.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Card withBorder padding={0} component="section" aria-labelledby="recent-imports-heading">
      <Title order={2} size="h3" p="md" id="recent-imports-heading">
        {t('admin.imports.recent')}
      </Title>
      {recent.error ? (
        <Stack px="md" pb="md">
          <AdminError error={recent.error} />
        </Stack>
      ) : recent.isPending ? (
        <Group px="md" pb="md">
          <Loader size="sm" />
          <Text>{t('app.loading')}</Text>
        </Group>
      ) : items.length === 0 ? (
        <Text px="md" pb="md">
          {t('admin.imports.recentEmpty')}
        </Text>
      ) : (
        <>
          <DataTable
            minWidth={800}
            testId="recent-imports"
            label={t('admin.imports.recent')}
            headers={[t('admin.imports.acceptedAt'), t('admin.imports.uploader'), t('admin.imports.state'), t('admin.imports.progressHeader'), t('admin.imports.outcome')]}
            rows={items.map((i) => {
              const at = viDateTime(i.acceptedAt);
              return {
                key: i.importId,
                current: i.importId === current,
                cells: [
                  <Link key="at" to={{ name: 'admin', tab: 'imports', importId: i.importId }} fw={600} aria-label={t('admin.imports.open', { at })} style={{ whiteSpace: 'nowrap' }}>
                    {at}
                  </Link>,
                  <>
                    <Text size="sm">{i.uploadedBy.fullName}</Text>
                    {i.uploadedBy.organisationName ? (
                      <Text size="xs" c="gray.7">
                        {i.uploadedBy.organisationName}
                      </Text>
                    ) : null}
                  </>,
                  <>
                    <Text size="sm" fw={700} c={STATUS_COLOR[i.status]}>
                      {t(`admin.imports.job.${i.status}`)}
                    </Text>
                    {i.historical ? <Text size="xs">{t('admin.imports.historical')}</Text> : null}
                  </>,
                  t('admin.imports.progress', { done: number.format(i.processed), total: number.format(i.rows) }),
                  t('admin.imports.counts', { imported: number.format(i.imported), unchanged: number.format(i.unchanged), refused: number.format(i.refused) }),
                ],
              };
            })}
          />
          {recent.hasNextPage ? (
            <Group justify="center" p="sm">
              <Button variant="default" onClick={() => void recent.fetchNextPage()} loading={recent.isFetchingNextPage}>
                {t('admin.imports.more')}
              </Button>
            </Group>
          ) : null}
        </>
      )}
    </Card>
  );
}
