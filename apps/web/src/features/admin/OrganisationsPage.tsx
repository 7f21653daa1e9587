import { Badge, Button, Card, Checkbox, Grid, Group, Loader, Modal, Select, Stack, Table, TextInput, Title } from '@mantine/core';
import { BODY_KIND_LABELS, type BodyKind, DEFAULT_RULE_PROFILE, RULE_PROFILES } from '@charterflow/procedure';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ok, type Schemas } from '../../api/client';
import { DataTable } from '../../components/DataTable';
import { ErrorNotice } from '../../components/ErrorNotice';
import { kindsUnder, mayAuthorise, moveTargets, type OrgNode, parseGrace, treeRows } from '../../lib/org-tree';
import { useOrganisations } from '../organisations';
import { AdminError } from './AdminError';
import { CreateFormFooter } from './CreateFormFooter';
import type { Lang } from '../../lib/payload';

/** Đơn vị (administrators): the tree of the subtree, a new unit under one of its nodes, and each unit's settings. */
export function OrganisationsPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const organisations = useOrganisations();
  const nodes = [...(organisations.data?.values() ?? [])] as OrgNode[];
  const rows = treeRows(nodes);
  const [editing, setEditing] = useState<OrgNode | null>(null);
  const yesNo = (v: boolean) => (v ? t('admin.yes') : t('admin.no'));

  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('admin.organisations.title')}
      </Title>
      <CreateUnit nodes={nodes} />
      {organisations.error ? <ErrorNotice error={organisations.error} /> : null}
      <Card withBorder padding={0}>
        {organisations.isPending ? (
          <Loader m="md" size="sm" />
        ) : (
          <DataTable minWidth={900} testId="organisation-tree" headers={[t('admin.organisations.name'), t('admin.organisations.kind'), t('admin.organisations.youthUnion'), t('admin.organisations.tradeUnion'), t('admin.organisations.grace'), null]}>
            {rows.map(({ node, depth }) => (
              <Table.Tr key={node.id}>
                <Table.Td style={{ paddingLeft: 12 + depth * 24 }} fw={depth === 0 ? 700 : 500}>
                  {node.name}{' '}
                  {node.authorisedToAdmit ? (
                    <Badge size="sm" variant="light" color="blue">
                      {t('admin.organisations.authorised')}
                    </Badge>
                  ) : null}
                  {node.ruleProfile && node.ruleProfile !== DEFAULT_RULE_PROFILE ? (
                    <Badge size="sm" variant="light" color="grape">
                      {profileLabel(node.ruleProfile, lang)}
                    </Badge>
                  ) : null}
                </Table.Td>
                <Table.Td>{BODY_KIND_LABELS[node.kind][lang]}</Table.Td>
                <Table.Td>{yesNo(node.hasYouthUnion)}</Table.Td>
                <Table.Td>{yesNo(node.hasTradeUnion)}</Table.Td>
                <Table.Td>{node.backlogGraceWorkingDays === null ? t('admin.organisations.inherited') : t('admin.organisations.days', { count: node.backlogGraceWorkingDays })}</Table.Td>
                <Table.Td>
                  <Button size="xs" variant="default" onClick={() => setEditing(node)} aria-label={`${t('admin.edit')}: ${node.name}`}>
                    {t('admin.edit')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
        )}
      </Card>
      {editing ? <EditUnit key={editing.id} node={editing} nodes={nodes} onClose={() => setEditing(null)} /> : null}
    </Stack>
  );
}

/** A rule profile's name as staff read it (its id is never shown). */
function profileLabel(id: string, lang: Lang): string {
  return RULE_PROFILES.find((p) => p.id === id)?.label[lang] ?? '';
}

function GraceInput({ value, onChange, error }: { value: string; onChange: (v: string) => void; error?: string }) {
  const { t } = useTranslation();
  return (
    <TextInput
      label={t('admin.organisations.grace')}
      description={t('admin.organisations.graceHelp')}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      inputMode="numeric"
      error={error}
    />
  );
}

function CreateUnit({ nodes }: { nodes: OrgNode[] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const client = useQueryClient();
  const [parentId, setParentId] = useState<string | null>(null);
  const [kind, setKind] = useState<BodyKind | null>(null);
  const [name, setName] = useState('');
  const [authorised, setAuthorised] = useState(false);
  const [youth, setYouth] = useState(true);
  const [trade, setTrade] = useState(true);
  const [grace, setGrace] = useState('');
  const [created, setCreated] = useState<string | null>(null);
  const parent = nodes.find((n) => n.id === parentId) ?? null;
  const offered = parent ? kindsUnder(parent.kind) : [];
  const graceRead = parseGrace(grace);
  const parents = [...nodes].filter((n) => kindsUnder(n.kind).length > 0).sort((a, b) => a.name.localeCompare(b.name, 'vi'));

  const create = useMutation({
    mutationFn: async () => {
      const body: Schemas['CreateOrganisationDto'] = {
        name: name.trim(),
        kind: kind ?? 'cell',
        // The document declares this uuid as a nullable object; the API takes the parent's id.
        parentId: parentId as unknown as Schemas['CreateOrganisationDto']['parentId'],
        authorisedToAdmit: kind !== null && mayAuthorise(kind) ? authorised : false,
        hasYouthUnion: youth,
        hasTradeUnion: trade,
        backlogGraceWorkingDays: graceRead.ok ? graceRead.value : null,
      };
      return ok(await api.POST('/api/v1/organisations', { body }));
    },
    onSuccess: async (org) => {
      setCreated(org.name);
      setName('');
      setAuthorised(false);
      setYouth(true);
      setTrade(true);
      setGrace('');
      await client.invalidateQueries({ queryKey: ['organisations'] });
    },
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setCreated(null);
    if (!graceRead.ok || !kind || !parentId) return;
    create.mutate();
  };

  return (
    <Card withBorder component="form" onSubmit={submit} aria-label={t('admin.organisations.create')}>
      <Title order={2} size="h4" mb="sm">
        {t('admin.organisations.create')}
      </Title>
      <Grid>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <Select
            label={t('admin.organisations.parent')}
            data={parents.map((n) => ({ value: n.id, label: n.name }))}
            value={parentId}
            onChange={(v) => {
              setParentId(v);
              const p = nodes.find((n) => n.id === v);
              const kinds = p ? kindsUnder(p.kind) : [];
              setKind(kinds.length === 1 ? kinds[0] : null);
            }}
            searchable
            required
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <Select
            label={t('admin.organisations.kind')}
            data={offered.map((k) => ({ value: k, label: BODY_KIND_LABELS[k][lang] }))}
            value={kind}
            onChange={(v) => setKind(v)}
            placeholder={parent ? undefined : t('admin.organisations.chooseParent')}
            required
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <TextInput label={t('admin.organisations.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} required />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <GraceInput value={grace} onChange={setGrace} error={graceRead.ok ? undefined : t('admin.organisations.graceInvalid')} />
        </Grid.Col>
        <Grid.Col span={12}>
          <Group gap="lg">
            <Checkbox label={t('admin.organisations.hasYouthUnion')} checked={youth} onChange={(e) => setYouth(e.currentTarget.checked)} />
            <Checkbox label={t('admin.organisations.hasTradeUnion')} checked={trade} onChange={(e) => setTrade(e.currentTarget.checked)} />
            {kind !== null && mayAuthorise(kind) ? (
              <Checkbox label={t('admin.organisations.authorisedToAdmit')} checked={authorised} onChange={(e) => setAuthorised(e.currentTarget.checked)} />
            ) : null}
          </Group>
        </Grid.Col>
      </Grid>
      <CreateFormFooter error={create.error} created={created ? t('admin.organisations.created', { name: created }) : null} submit={t('admin.organisations.submit')} pending={create.isPending} />
    </Card>
  );
}

function EditUnit({ node, nodes, onClose }: { node: OrgNode; nodes: OrgNode[]; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const [profile, setProfile] = useState<string | null>(node.ruleProfile ?? null);
  const client = useQueryClient();
  const [name, setName] = useState(node.name);
  const [parentId, setParentId] = useState<string | null>(null);
  const [youth, setYouth] = useState(node.hasYouthUnion);
  const [trade, setTrade] = useState(node.hasTradeUnion);
  const [grace, setGrace] = useState(node.backlogGraceWorkingDays === null ? '' : String(node.backlogGraceWorkingDays));
  const graceRead = parseGrace(grace);
  const targets = moveTargets(nodes, node);
  const currentParent = nodes.find((n) => n.id === node.parentId);

  const save = useMutation({
    mutationFn: async () => {
      const body: Schemas['UpdateOrganisationDto'] = {};
      if (name.trim() !== node.name) body.name = name.trim();
      if (parentId) body.parentId = parentId;
      if (youth !== node.hasYouthUnion) body.hasYouthUnion = youth;
      if (trade !== node.hasTradeUnion) body.hasTradeUnion = trade;
      if (graceRead.ok && graceRead.value !== node.backlogGraceWorkingDays) body.backlogGraceWorkingDays = graceRead.value;
      if (node.kind === 'province' && profile && profile !== node.ruleProfile) body.ruleProfile = profile as Schemas['UpdateOrganisationDto']['ruleProfile'];
      return ok(await api.PATCH('/api/v1/organisations/{id}', { params: { path: { id: node.id } }, body }));
    },
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['organisations'] });
      onClose();
    },
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!graceRead.ok) return;
    save.mutate();
  };

  return (
    <Modal opened onClose={onClose} title={t('admin.organisations.editTitle', { name: node.name })} size="lg">
      <form onSubmit={submit}>
        <Stack gap="sm">
          <TextInput label={t('admin.organisations.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} required />
          <Select
            label={t('admin.organisations.moveTo')}
            description={currentParent ? t('admin.organisations.nowUnder', { name: currentParent.name }) : undefined}
            data={targets.map((n) => ({ value: n.id, label: n.name }))}
            value={parentId}
            onChange={setParentId}
            clearable
            searchable
            placeholder={t('admin.organisations.stay')}
          />
          <Checkbox label={t('admin.organisations.hasYouthUnion')} checked={youth} onChange={(e) => setYouth(e.currentTarget.checked)} />
          <Checkbox label={t('admin.organisations.hasTradeUnion')} checked={trade} onChange={(e) => setTrade(e.currentTarget.checked)} />
          <GraceInput value={grace} onChange={setGrace} error={graceRead.ok ? undefined : t('admin.organisations.graceInvalid')} />
          {node.kind === 'province' ? (
            <Select
              label={t('admin.organisations.ruleProfile')}
              description={t('admin.organisations.ruleProfileHelp')}
              data={RULE_PROFILES.map((p) => ({ value: p.id, label: p.label[lang] }))}
              value={profile}
              onChange={setProfile}
              allowDeselect={false}
            />
          ) : null}
          {save.error ? <AdminError error={save.error} /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('form.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('admin.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
