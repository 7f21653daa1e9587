import { Button, Card, Checkbox, FileInput, Group, List, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { STATE_LABELS } from '@charterflow/procedure';
import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, BACKGROUND, ok, type Schemas } from '../../api/client';
import { Link } from '../../app/Link';
import { rowReason } from '../../lib/import-report';
import type { Lang } from '../../lib/payload';
import { AdminError } from './AdminError';
import { DataTable } from '../../components/DataTable';
import { TEXT_COLORS } from '../../app/colors';

type Report = Schemas['ImportReportDto'];
const STATUS_COLOR = { imported: TEXT_COLORS.success, unchanged: TEXT_COLORS.neutral, refused: TEXT_COLORS.refused } as const;
/** How often the page asks for the progress of an import being processed. */
const POLL_MS = 1000;
const inProgress = (r: Report | undefined) => r?.status === 'queued' || r?.status === 'running';

/**
 * Nhập hồ sơ (administrators): a CSV file of cases already under way (docs/imports.md), accepted at once and
 * processed by the server in batches (ADR 0028): the page shows how many rows are done, then the report of each row
 * in words — imported, unchanged, or refused with every reason.
 */
export function ImportsPage() {
  const { t, i18n } = useTranslation();
  const lang: Lang = i18n.language === 'en' ? 'en' : 'vi';
  const [file, setFile] = useState<File | null>(null);
  const [historical, setHistorical] = useState(false);
  const run = useMutation({
    mutationFn: async (): Promise<Report> => {
      const text = file ? await file.text() : '';
      return ok(
        await api.POST('/api/v1/imports', {
          params: { query: { historical } },
          body: text,
          bodySerializer: (body: string) => body,
          headers: { 'Content-Type': 'text/csv' },
        }),
      );
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (file) run.mutate();
  };
  const importId = run.data?.importId;
  const progress = useQuery({
    queryKey: ['import', importId],
    enabled: importId !== undefined && inProgress(run.data),
    queryFn: async (): Promise<Report> => ok(await api.GET('/api/v1/imports/{id}', { params: { path: { id: importId as string } }, headers: BACKGROUND })),
    // Until the import is known to be over: a poll that failed (the first one included) is tried again next time.
    refetchInterval: (q) => (inProgress(q.state.data ?? run.data) ? POLL_MS : false),
  });
  const report = progress.data?.importId === importId && progress.data ? progress.data : run.data;
  const number = new Intl.NumberFormat(lang === 'en' ? 'en-US' : 'vi-VN');

  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('admin.imports.title')}
      </Title>
      <Card withBorder component="form" onSubmit={submit} aria-label={t('admin.imports.title')}>
        <Stack gap="sm">
          <Text size="sm">{t('admin.imports.intro')}</Text>
          <FileInput label={t('admin.imports.file')} accept=".csv,text/csv" value={file} onChange={setFile} clearable clearButtonProps={{ 'aria-label': t('admin.imports.clear') }} required placeholder={t('admin.imports.choose')} maw={520} />
          <Checkbox label={t('admin.imports.historical')} description={t('admin.imports.historicalHelp')} checked={historical} onChange={(e) => setHistorical(e.currentTarget.checked)} />
          {run.error ? <AdminError error={run.error} /> : progress.error ? <AdminError error={progress.error} /> : null}
          <Group justify="flex-end">
            <Button type="submit" loading={run.isPending || inProgress(report)} disabled={!file}>
              {t('admin.imports.submit')}
            </Button>
          </Group>
        </Stack>
      </Card>
      {report && inProgress(report) ? (
        <Card withBorder>
          <Stack gap="xs">
            <Text fw={600} role="status" data-testid="import-progress">
              {t(report.status === 'queued' ? 'admin.imports.queued' : 'admin.imports.progress', { done: number.format(report.processed), total: number.format(report.rows) })}
            </Text>
            <Progress value={report.rows ? (100 * report.processed) / report.rows : 0} size="lg" aria-label={t('admin.imports.progressLabel')} animated />
          </Stack>
        </Card>
      ) : null}
      {report?.status === 'failed' ? (
        <Card withBorder>
          <Text fw={600} role="alert" c={TEXT_COLORS.refused}>
            {t('admin.imports.failed', { done: number.format(report.processed), total: number.format(report.rows) })}
          </Text>
        </Card>
      ) : null}
      {report?.status === 'done' ? (
        <Card withBorder padding={0}>
          <Text p="md" fw={600} role="status" data-testid="import-summary">
            {t('admin.imports.summary', { rows: number.format(report.rows), imported: number.format(report.imported), unchanged: number.format(report.unchanged), refused: number.format(report.refused), flagged: number.format(report.flagged) })}
          </Text>
          <DataTable minWidth={800} testId="import-report" headers={[t('admin.imports.row'), t('admin.imports.externalId'), t('admin.imports.outcome'), t('admin.imports.reasons')]}>
            {report.items.map((item) => (
              <Table.Tr key={item.row}>
                <Table.Td>{item.row}</Table.Td>
                <Table.Td>{item.externalId ?? ''}</Table.Td>
                <Table.Td>
                  <Text size="sm" fw={700} c={STATUS_COLOR[item.status]}>
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
                </Table.Td>
                <Table.Td>
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
                </Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
        </Card>
      ) : null}
    </Stack>
  );
}
