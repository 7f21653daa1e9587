import { Alert, Card, Group, List, Loader, Progress, Stack, Text, Title } from '@mantine/core';
import { STATE_LABELS } from '@charterflow/procedure';
import type { UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client';
import { Link } from '../../../app/Link';
import { TEXT_COLORS } from '../../../app/colors';
import { DataTable } from '../../../components/DataTable';
import { viDateTime } from '../../../lib/dates';
import { rowReason } from '../../../lib/import-report';
import type { Lang } from '../../../lib/payload';
import { AdminError } from '../AdminError';
import { type ImportReport, inProgress } from './queries';

const ROW_COLOR = { imported: TEXT_COLORS.success, unchanged: TEXT_COLORS.neutral, refused: TEXT_COLORS.refused } as const;

/**
 * The import the screen shows: when and by whom it was uploaded, how many rows are done while a worker processes it
 * ("Đã xử lý 4.200/10.000 dòng"), then the outcome of each row in words — imported (with a link to the case),
 * unchanged, or refused with every reason (the column at fault by its label, or the step, its date, the rule and its
 * article). At phone width the report is a list of cards.
 */
export function ImportDetail({ query }: { query: UseQueryResult<ImportReport> }) {
  const { t, i18n } = useTranslation();
  const lang: Lang = i18n.language === 'en' ? 'en' : 'vi';
  const number = new Intl.NumberFormat(lang === 'en' ? 'en-US' : 'vi-VN');
  const report = query.data;
  if (!report) {
    if (query.error instanceof ApiError && query.error.status === 404) {
      return (
        <Alert color="yellow" role="alert">
          {t('admin.imports.notFound')}
        </Alert>
      );
    }
    if (query.error) return <AdminError error={query.error} />;
    return (
      <Group>
        <Loader size="sm" />
        <Text>{t('app.loading')}</Text>
      </Group>
    );
  }
  const uploader = report.uploadedBy.organisationName ? `${report.uploadedBy.fullName} (${report.uploadedBy.organisationName})` : report.uploadedBy.fullName;

  return (
    <Card withBorder padding={0} component="section" aria-labelledby="import-heading" data-testid="import-detail">
      <Stack gap={4} p="md">
        <Title order={2} size="h3" id="import-heading">
          {t('admin.imports.heading', { at: viDateTime(report.acceptedAt) })}
        </Title>
        <Text size="sm" data-testid="import-meta">
          {[t('admin.imports.uploadedBy', { name: uploader }), t(`admin.imports.format.${report.format}`), report.historical ? t('admin.imports.historical') : null].filter(Boolean).join(' · ')}
        </Text>
      </Stack>
      {inProgress(report) ? (
        <Stack gap="xs" px="md" pb="md">
          <Text fw={600} role="status" data-testid="import-progress">
            {t(report.status === 'queued' ? 'admin.imports.queued' : 'admin.imports.progress', { done: number.format(report.processed), total: number.format(report.rows) })}
          </Text>
          <Progress value={report.rows ? (100 * report.processed) / report.rows : 0} size="lg" aria-label={t('admin.imports.progressLabel')} animated />
        </Stack>
      ) : null}
      {report.status === 'failed' ? (
        <Text px="md" pb="md" fw={600} role="alert" c={TEXT_COLORS.refused}>
          {t('admin.imports.failed', { done: number.format(report.processed), total: number.format(report.rows) })}
        </Text>
      ) : null}
      {report.status === 'done' ? (
        <>
          <Text px="md" pb="md" fw={600} role="status" data-testid="import-summary">
            {t('admin.imports.summary', { rows: number.format(report.rows), imported: number.format(report.imported), unchanged: number.format(report.unchanged), refused: number.format(report.refused), flagged: number.format(report.flagged) })}
          </Text>
          <DataTable
            minWidth={800}
            testId="import-report"
            label={t('admin.imports.reportLabel')}
            headers={[t('admin.imports.row'), t('admin.imports.externalId'), t('admin.imports.outcome'), t('admin.imports.reasons')]}
            rows={report.items.map((item) => ({
              key: String(item.row),
              cells: [
                item.row,
                item.externalId ?? '',
                <>
                  <Text size="sm" fw={700} c={ROW_COLOR[item.status]}>
                    {t(`admin.imports.status.${item.status}`)}
                  </Text>
                  {item.state && item.state in STATE_LABELS ? (
                    <Text size="sm" mt={4}>
                      {STATE_LABELS[item.state as keyof typeof STATE_LABELS][lang]}
                    </Text>
                  ) : null}
                  {item.caseId ? (
                    <Link to={{ name: 'case', caseId: item.caseId }} size="sm">
                      {t('worklist.open')}
                    </Link>
                  ) : null}
                </>,
                (item.errors ?? []).length + (item.flagged ?? []).length > 0 ? (
                  <List size="sm" spacing={2}>
                    {(item.errors ?? []).map((e, i) => {
                      const r = rowReason(e, lang);
                      return <List.Item key={`e${i}`}>{t(r.key, r.values)}</List.Item>;
                    })}
                    {(item.flagged ?? []).map((f, i) => {
                      const r = rowReason({ code: 'RULE_VIOLATION', message: f.message, rule: f.rule, source: f.source, eventType: f.type }, lang);
                      return <List.Item key={`f${i}`}>{t('admin.imports.flagged', { reason: t(r.key, r.values) })}</List.Item>;
                    })}
                  </List>
                ) : null,
              ],
            }))}
          />
        </>
      ) : null}
    </Card>
  );
}
