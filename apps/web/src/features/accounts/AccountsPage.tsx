import { Button, Card, Checkbox, Grid, Group, Loader, PasswordInput, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import type { Role } from '@charterflow/procedure';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, ok } from '../../api/client';
import { DataTable } from '../../components/DataTable';
import { ErrorNotice } from '../../components/ErrorNotice';
import { fieldsInError } from '../../lib/errors';
import { rolesFor } from '../../lib/roles';
import { useOrganisations } from '../organisations';
import { CreateFormFooter } from '../admin/CreateFormFooter';
import { EditAccount } from './EditAccount';

/** Tài khoản (administrators): the staff accounts of the subtree, and a new one with the staff member's full name. */
export function AccountsPage() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const organisations = useOrganisations();
  const users = useQuery({ queryKey: ['users'], queryFn: async () => ok(await api.GET('/api/v1/users')) });
  const [fullName, setFullName] = useState('');
  const [title, setTitle] = useState('');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [unit, setUnit] = useState<string | null>(null);
  const [roles, setRoles] = useState<string[]>([]);
  const [created, setCreated] = useState<string | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const editedUser = users.data?.find((u) => u.id === editing) ?? null;
  const units = [...(organisations.data?.values() ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'vi'));
  const kind = unit ? ((organisations.data?.get(unit)?.kind ?? null)) : null;
  const offered = unit ? rolesFor(kind) : [];

  const create = useMutation({
    mutationFn: async () =>
      ok(
        await api.POST('/api/v1/users', {
          body: { fullName, title: title.trim() === '' ? null : title, username, password, organisationId: unit ?? '', roles: roles as Role[] },
        }),
      ),
    onSuccess: async (user) => {
      setCreated(user.fullName);
      setFullName('');
      setTitle('');
      setUsername('');
      setPassword('');
      setRoles([]);
      await client.invalidateQueries({ queryKey: ['users'] });
    },
  });
  const wrong = create.error instanceof ApiError ? fieldsInError(create.error.body) : [];
  const errorOf = (field: string) => (wrong.includes(field) ? t('errors.validation') : undefined);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setCreated(null);
    create.mutate();
  };

  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('accounts.title')}
      </Title>
      <Card withBorder component="form" onSubmit={submit} aria-label={t('accounts.create')}>
        <Title order={2} size="h4" mb="sm">
          {t('accounts.create')}
        </Title>
        <Grid>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TextInput label={t('accounts.fullName')} value={fullName} onChange={(e) => setFullName(e.currentTarget.value)} required error={errorOf('fullName')} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TextInput label={t('accounts.jobTitle')} description={t('accounts.jobTitleHelp')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} error={errorOf('title')} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TextInput label={t('accounts.username')} value={username} onChange={(e) => setUsername(e.currentTarget.value)} required autoComplete="off" error={errorOf('username')} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <PasswordInput label={t('accounts.password')} description={t('accounts.passwordHelp')} value={password} onChange={(e) => setPassword(e.currentTarget.value)} required autoComplete="new-password" error={errorOf('password')} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <Select
              label={t('worklist.unit')}
              data={units.map((u) => ({ value: u.id, label: u.name }))}
              value={unit}
              onChange={(v) => {
                setUnit(v);
                setRoles([]);
              }}
              searchable
              required
              error={errorOf('organisationId')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <Checkbox.Group label={t('accounts.roles')} value={roles} onChange={setRoles} error={errorOf('roles')} withAsterisk>
              <Group mt={6} gap="md">
                {offered.map((role) => (
                  <Checkbox key={role} value={role} label={t(`accounts.role.${role}`)} />
                ))}
                {unit ? null : (
                  <Text size="sm" c="gray.7">
                    {t('accounts.chooseUnit')}
                  </Text>
                )}
              </Group>
            </Checkbox.Group>
          </Grid.Col>
        </Grid>
        <CreateFormFooter error={create.error} created={created ? t('accounts.created', { name: created }) : null} submit={t('accounts.submit')} pending={create.isPending} />
      </Card>
      {users.error ? <ErrorNotice error={users.error} /> : null}
      <Card withBorder padding={0}>
        {users.isPending ? (
          <Loader m="md" size="sm" />
        ) : (
          <DataTable minWidth={800} testId="accounts" headers={[t('accounts.fullName'), t('accounts.jobTitle'), t('accounts.username'), t('worklist.unit'), t('accounts.roles'), null]}>
            {users.data?.map((u) => (
              <Table.Tr key={u.id}>
                <Table.Td fw={600}>{u.fullName}</Table.Td>
                <Table.Td>{u.title ?? ''}</Table.Td>
                <Table.Td>{u.username}</Table.Td>
                <Table.Td>{u.organisationName ?? t('accounts.wholeTree')}</Table.Td>
                <Table.Td>{u.roles.map((r) => t(`accounts.role.${r}`)).join(', ')}</Table.Td>
                <Table.Td>
                  <Button size="xs" variant="default" onClick={() => setEditing(u.id)} aria-label={`${t('admin.edit')}: ${u.fullName}`}>
                    {t('admin.edit')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
        )}
      </Card>
      {editedUser ? (
        <EditAccount
          key={editedUser.id}
          user={editedUser}
          kind={editedUser.organisationId ? (organisations.data?.get(editedUser.organisationId as unknown as string)?.kind ?? null) : null}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </Stack>
  );
}
