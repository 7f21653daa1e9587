import { Alert, Button, Card, Group, List, Loader, Progress, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
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
import { type ImportReport, type ImportRowFilter, inProgress, useImportRows } from './queries';

const ROW_COLOR = { imported: TEXT_COLORS.success, unchanged: TEXT_COLORS.neutral, refused: TEXT_COLORS.refused } as const;

/** Rows drawn at a time: a file holds up to 100,000, and a clerk reads the report a screen at a time. */
export const REPORT_PAGE_ROWS = 200;

/** How many rows of a finished report each choice holds (counted by the import itself). */
const ROWS_OF: Record<ImportRowFilter, (report: ImportReport) => number> = {
  all: (report) => report.rows,
  refused: (report) => report.refused,
  flagged: (report) => report.flagged,
};

/**
 * The import the screen shows: when and by whom it was uploaded, how many rows are done while a worker processes it
 * ("Đã xử lý 4.200/10.000 dòng"), then the outcome of each row in words — imported (with a link to the case),
 * unchanged, or refused with every reason (the column at fault by its label, or the step, its date, the rule and its
 * article). At phone width the report is a list of cards. A report with refused or flagged rows can show only those;
 * rows are read from the server REPORT_PAGE_ROWS at a time, the next page on asking.
 */
export function ImportDetail({ query }: { query: UseQueryResult<ImportReport> }) {
  const { t, i18n } = useTranslation();
  const [shown, setShown] = useState<ImportRowFilter>('all');
  const lang: Lang = i18n.language === 'en' ? 'en' : 'vi';
  const number = new Intl.NumberFormat(lang === 'en' ? 'en-US' : 'vi-VN');
  const report = query.data;
  const pages = useImportRows(report?.importId, shown, REPORT_PAGE_ROWS, report?.status === 'done');
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
  const rows = pages.data?.pages.flatMap((p) => p.items) ?? [];
  const total = ROWS_OF[shown](report);
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
          {report.refused + report.flagged > 0 ? (
            <Stack gap={4} px="md" pb="md">
              <Text size="sm" fw={600} id="import-shown-label">
                {t('admin.imports.show.label')}
              </Text>
              <SegmentedControl
                aria-labelledby="import-shown-label"
                data-testid="import-shown"
                value={shown}
                onChange={setShown}
                data={(['all', 'refused', 'flagged'] as const)
                  .filter((k) => k === 'all' || (k === 'refused' ? report.refused : report.flagged) > 0)
                  .map((k) => ({ value: k, label: t(`admin.imports.show.${k}`, { n: number.format(ROWS_OF[k](report)) }) }))}
                style={{ alignSelf: 'flex-start', maxWidth: '100%' }}
              />
            </Stack>
          ) : null}
          <DataTable
            minWidth={800}
            testId="import-report"
            label={t('admin.imports.reportLabel')}
            headers={[t('admin.imports.row'), t('admin.imports.externalId'), t('admin.imports.outcome'), t('admin.imports.reasons')]}
            rows={rows.map((item) => ({
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
          {pages.error ? (
            <Stack px="md" py="md">
              <AdminError error={pages.error} />
            </Stack>
          ) : pages.isPending || pages.isFetchingNextPage ? (
            <Group px="md" py="md">
              <Loader size="sm" />
              <Text>{t('app.loading')}</Text>
            </Group>
          ) : pages.hasNextPage ? (
            <Group px="md" py="md" gap="md">
              <Text size="sm">{t('admin.imports.shown', { shown: number.format(rows.length), total: number.format(total) })}</Text>
              <Button variant="default" onClick={() => void pages.fetchNextPage()} data-testid="import-more-rows">
                {t('admin.imports.moreRows', { n: number.format(Math.max(1, Math.min(REPORT_PAGE_ROWS, total - rows.length))) })}
              </Button>
            </Group>
          ) : null}
        </>
      ) : null}
    </Card>
  );
}
