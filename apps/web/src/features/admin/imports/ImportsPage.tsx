import { Button, Card, Checkbox, FileInput, Group, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, ok } from '../../../api/client';
import { fieldProblemVi } from '../../../lib/errors';
import { navigate } from '../../../app/router';
import { AdminError } from '../AdminError';
import { ImportDetail } from './ImportDetail';
import { importKey, type ImportReport, inProgress, RECENT_IMPORTS_KEY, useImport } from './queries';
import { RecentImports } from './RecentImports';

/**
 * Nhập hồ sơ (administrators): a CSV file of cases already under way (docs/imports.md), accepted at once and
 * processed by the server in batches (ADR 0028). An accepted file becomes the import the screen shows, at its own
 * address (`/admin/imports/{id}`): leaving the screen and coming back, or reloading, shows the same import — how many
 * rows are done while it runs, then the report of each row in words. The recent imports of the subtree are listed
 * below, each one opened from there.
 */
export function ImportsPage({ importId }: { importId?: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [historical, setHistorical] = useState(false);
  const selected = useImport(importId);
  // When the import shown ends, the list is read again for its counts (not at every reading of a finished import).
  const status = selected.data?.status;
  const wasRunning = useRef(false);
  useEffect(() => {
    if (inProgress(selected.data)) wasRunning.current = true;
    else if (status !== undefined && wasRunning.current) {
      wasRunning.current = false;
      void client.invalidateQueries({ queryKey: RECENT_IMPORTS_KEY });
    }
  }, [status, selected.data, client]);
  const run = useMutation({
    mutationFn: async (): Promise<ImportReport> => {
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
    onSuccess: (report) => {
      // The answer is the import as it stands: shown at once, then followed at its own address.
      client.setQueryData(importKey(report.importId), report);
      void client.invalidateQueries({ queryKey: RECENT_IMPORTS_KEY });
      navigate({ name: 'admin', tab: 'imports', importId: report.importId });
    },
  });
  // A file refused as a whole (not a file of rows) is said under the file field, where the clerk chooses another.
  const fileProblem = run.error instanceof ApiError ? fieldProblemVi(run.error.body, 'file') : undefined;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (file) run.mutate();
  };

  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('admin.imports.title')}
      </Title>
      <Card withBorder component="form" onSubmit={submit} aria-label={t('admin.imports.title')}>
        <Stack gap="sm">
          <Text size="sm">{t('admin.imports.intro')}</Text>
          <FileInput
            label={t('admin.imports.file')}
            accept=".csv,text/csv"
            value={file}
            onChange={(f) => {
              setFile(f);
              run.reset();
            }}
            error={fileProblem}
            clearable
            clearButtonProps={{ 'aria-label': t('admin.imports.clear') }}
            required
            placeholder={t('admin.imports.choose')}
            maw={520}
            // The placeholder is an element of its own: the theme's light grey would fail WCAG AA contrast.
            styles={{ placeholder: { color: 'var(--mantine-color-gray-7)' } }}
          />
          <Checkbox label={t('admin.imports.historical')} description={t('admin.imports.historicalHelp')} checked={historical} onChange={(e) => setHistorical(e.currentTarget.checked)} />
          {run.error && !fileProblem ? <AdminError error={run.error} /> : null}
          <Group justify="flex-end">
            <Button type="submit" loading={run.isPending || (run.data !== undefined && run.data.importId === importId && inProgress(selected.data))} disabled={!file}>
              {t('admin.imports.submit')}
            </Button>
          </Group>
        </Stack>
      </Card>
      {importId !== undefined ? <ImportDetail key={importId} query={selected} /> : null}
      <RecentImports current={importId} />
    </Stack>
  );
}
