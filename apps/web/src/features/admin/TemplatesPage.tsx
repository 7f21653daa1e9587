import { Accordion, Button, Card, FileInput, Group, Select, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ok } from '../../api/client';
import { TEXT_COLORS } from '../../app/colors';
import { DataTable } from '../../components/DataTable';
import { viDateTime } from '../../lib/dates';
import { type OrgNode, treeRows } from '../../lib/org-tree';
import { useOrganisations } from '../organisations';
import { AdminError } from './AdminError';

const WORD = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/**
 * Mẫu giấy tờ (administrators): an organisation's own Word templates of the forms, used for the cases below it in
 * place of the built-in ones. Each upload is checked (placeholders from the list below only) and becomes a new
 * version; the built-in form can be restored.
 */
export function TemplatesPage() {
  const { t } = useTranslation();
  const organisations = useOrganisations();
  // The tree in reading order, indented by depth (provinces first: templates are usually a province's).
  const units = treeRows([...(organisations.data?.values() ?? [])] as OrgNode[]).map((r) => ({ id: r.node.id, name: `${'\u00a0\u00a0'.repeat(r.depth)}${r.node.name}` }));
  const [chosen, setChosen] = useState<string | null>(null);
  const unit = chosen ?? units[0]?.id ?? null;
  const forms = useQuery({ queryKey: ['document-forms'], queryFn: async () => ok(await api.GET('/api/v1/document-forms')), staleTime: Infinity });
  const placeholders = useQuery({ queryKey: ['document-placeholders'], queryFn: async () => ok(await api.GET('/api/v1/document-templates/placeholders')), staleTime: Infinity });
  const versions = useQuery({
    queryKey: ['document-templates', unit],
    enabled: unit !== null,
    queryFn: async () => ok(await api.GET('/api/v1/organisations/{id}/document-templates', { params: { path: { id: unit ?? '' } } })),
  });
  const inForce = new Map((versions.data ?? []).filter((v) => v.retiredAt === null).map((v) => [v.form, v]));

  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('admin.templates.title')}
      </Title>
      <Text size="sm">{t('admin.templates.intro')}</Text>
      <Select
        label={t('admin.templates.unit')}
        data={units.map((u) => ({ value: u.id, label: u.name }))}
        value={unit}
        onChange={setChosen}
        searchable
        allowDeselect={false}
        maw={420}
      />
      {versions.error ? <AdminError error={versions.error} /> : null}
      <Card withBorder padding={0}>
        <DataTable minWidth={760} testId="templates" headers={[t('admin.templates.form'), t('admin.templates.inForce'), t('admin.templates.actions')]}>
          {(forms.data ?? []).map((f) => (
            <FormRow key={f.form} organisationId={unit} form={f.form} title={f.title} version={inForce.get(f.form) ?? null} />
          ))}
        </DataTable>
      </Card>
      <Accordion variant="contained">
        <Accordion.Item value="placeholders">
          <Accordion.Control>{t('admin.templates.placeholders')}</Accordion.Control>
          <Accordion.Panel>
            <Text size="sm" mb="sm">
              {t('admin.templates.placeholdersIntro')}
            </Text>
            <Table fz="sm" striped>
              <Table.Tbody>
                {(placeholders.data ?? []).map((p) => (
                  <Table.Tr key={p.name}>
                    <Table.Td ff="monospace">{`{${p.name}}`}</Table.Td>
                    <Table.Td>{p.description}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Accordion.Panel>
        </Accordion.Item>
      </Accordion>
    </Stack>
  );
}

interface VersionInForce {
  version: number;
  fileName: string;
  uploadedAt: string;
}

/** One form: the template in force (or the built-in one), a Word file to upload, the built-in form to restore. */
function FormRow({ organisationId, form, title, version }: { organisationId: string | null; form: string; title: string; version: VersionInForce | null }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const done = () => {
    setFile(null);
    void queryClient.invalidateQueries({ queryKey: ['document-templates', organisationId] });
  };
  const path = { id: organisationId ?? '', form };
  const upload = useMutation({
    mutationFn: async (chosen: File) =>
      ok(
        await api.PUT('/api/v1/organisations/{id}/document-templates/{form}', {
          params: { path },
          body: (await chosen.arrayBuffer()) as unknown as string,
          bodySerializer: (body: unknown) => body as ArrayBuffer,
          headers: { 'Content-Type': WORD, 'X-File-Name': encodeURIComponent(chosen.name) },
        }),
      ),
    onSuccess: done,
  });
  const retire = useMutation({
    mutationFn: async () => {
      const result = await api.DELETE('/api/v1/organisations/{id}/document-templates/{form}', { params: { path } });
      if (result.error !== undefined) ok(result);
    },
    onSuccess: done,
  });
  return (
    <Table.Tr>
      <Table.Td>{title}</Table.Td>
      <Table.Td>
        {version ? (
          <Text size="sm">
            {t('admin.templates.version', { version: version.version, file: version.fileName, at: viDateTime(version.uploadedAt) })}
          </Text>
        ) : (
          <Text size="sm" c="gray.7">
            {t('admin.templates.builtIn')}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Group gap="xs" align="end" wrap="nowrap">
          <FileInput
            label={<VisuallyHidden>{t('admin.templates.file', { title })}</VisuallyHidden>}
            placeholder={t('admin.templates.choose')}
            styles={{ placeholder: { color: TEXT_COLORS.neutral } }}
            accept=".docx"
            value={file}
            onChange={setFile}
            size="xs"
            w={180}
            clearable
            clearButtonProps={{ 'aria-label': t('admin.imports.clear') }}
          />
          <Button size="xs" disabled={!file || !organisationId} loading={upload.isPending} onClick={() => file && upload.mutate(file)} aria-label={t('admin.templates.uploadNamed', { title })}>
            {t('admin.templates.upload')}
          </Button>
          {version ? (
            <Button size="xs" variant="light" loading={retire.isPending} onClick={() => retire.mutate()} aria-label={t('admin.templates.retireNamed', { title })}>
              {t('admin.templates.retire')}
            </Button>
          ) : null}
        </Group>
        {upload.error ? <AdminError error={upload.error} /> : null}
        {retire.error ? <AdminError error={retire.error} /> : null}
      </Table.Td>
    </Table.Tr>
  );
}
