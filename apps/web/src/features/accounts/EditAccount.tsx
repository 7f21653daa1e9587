import { Button, Checkbox, Divider, Group, Modal, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import type { BodyKind, Role } from '@charterflow/procedure';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, ok, type Schemas } from '../../api/client';
import { fieldsInError } from '../../lib/errors';
import { rolesFor } from '../../lib/roles';
import { AdminError } from '../admin/AdminError';
import { TEXT_COLORS } from '../../app/colors';

type User = Schemas['UserDto'];

/**
 * An account's full name, title and roles (only those its unit's kind allows), a new password, and the account's
 * deletion after a confirmation.
 */
export function EditAccount({ user, kind, onClose }: { user: User; kind: BodyKind | null; onClose: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [fullName, setFullName] = useState(user.fullName);
  const [title, setTitle] = useState(user.title ?? '');
  const [roles, setRoles] = useState<string[]>(user.roles);
  const [password, setPassword] = useState('');
  const [passwordDone, setPasswordDone] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const offered = rolesFor(kind);
  const refresh = () => client.invalidateQueries({ queryKey: ['users'] });

  const save = useMutation({
    mutationFn: async () => {
      const body: Schemas['UpdateUserDto'] = {};
      if (fullName.trim() !== user.fullName) body.fullName = fullName;
      const newTitle = title.trim() === '' ? null : title;
      if (newTitle !== user.title) body.title = newTitle;
      if ([...roles].sort().join() !== [...user.roles].sort().join()) body.roles = roles as Role[];
      return ok(await api.PATCH('/api/v1/users/{id}', { params: { path: { id: user.id } }, body }));
    },
    onSuccess: async () => {
      await refresh();
      onClose();
    },
  });
  const reset = useMutation({
    mutationFn: async () => ok(await api.POST('/api/v1/users/{id}/password', { params: { path: { id: user.id } }, body: { password } })),
    onSuccess: () => {
      setPassword('');
      setPasswordDone(true);
    },
  });
  const remove = useMutation({
    mutationFn: async () => ok(await api.DELETE('/api/v1/users/{id}', { params: { path: { id: user.id } } })),
    onSuccess: async () => {
      await refresh();
      onClose();
    },
  });

  const wrong = save.error instanceof ApiError ? fieldsInError(save.error.body) : [];
  const errorOf = (field: string) => (wrong.includes(field) ? t('errors.validation') : undefined);
  const passwordWrong = reset.error instanceof ApiError && fieldsInError(reset.error.body).includes('password');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  const submitPassword = (e: FormEvent) => {
    e.preventDefault();
    setPasswordDone(false);
    reset.mutate();
  };

  return (
    <>
      <Modal opened={!confirming} onClose={onClose} title={t('admin.accounts.editTitle', { name: user.fullName })} size="lg">
        <Stack gap="sm">
          <form onSubmit={submit} aria-label={t('admin.accounts.details')}>
            <Stack gap="sm">
              <TextInput label={t('accounts.fullName')} value={fullName} onChange={(e) => setFullName(e.currentTarget.value)} required error={errorOf('fullName')} />
              <TextInput label={t('accounts.jobTitle')} description={t('accounts.jobTitleHelp')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} error={errorOf('title')} />
              <Checkbox.Group label={t('accounts.roles')} value={roles} onChange={setRoles} error={errorOf('roles')}>
                <Group mt={6} gap="md">
                  {offered.map((role) => (
                    <Checkbox key={role} value={role} label={t(`accounts.role.${role}`)} />
                  ))}
                </Group>
              </Checkbox.Group>
              {save.error ? <AdminError error={save.error} /> : null}
              <Group justify="flex-end">
                <Button type="submit" loading={save.isPending}>
                  {t('admin.save')}
                </Button>
              </Group>
            </Stack>
          </form>
          <Divider />
          <form onSubmit={submitPassword} aria-label={t('admin.accounts.resetPassword')}>
            <Stack gap="sm">
              <PasswordInput
                label={t('admin.accounts.newPassword')}
                description={t('accounts.passwordHelp')}
                value={password}
                onChange={(e) => setPassword(e.currentTarget.value)}
                required
                autoComplete="new-password"
                error={passwordWrong ? t('errors.validation') : undefined}
              />
              {reset.error && !passwordWrong ? <AdminError error={reset.error} /> : null}
              {passwordDone ? (
                <Text c={TEXT_COLORS.success} fw={600} role="status">
                  {t('admin.accounts.passwordReset', { name: user.fullName })}
                </Text>
              ) : null}
              <Group justify="flex-end">
                <Button type="submit" variant="light" loading={reset.isPending}>
                  {t('admin.accounts.resetPassword')}
                </Button>
              </Group>
            </Stack>
          </form>
          <Divider />
          <Group justify="space-between">
            <Text size="sm" c="gray.7">
              {t('admin.accounts.deleteHelp')}
            </Text>
            <Button color="red" variant="outline" onClick={() => setConfirming(true)}>
              {t('admin.accounts.delete')}
            </Button>
          </Group>
        </Stack>
      </Modal>
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={t('admin.accounts.confirmTitle')}>
        <Stack gap="sm">
          <Text size="sm">{t('admin.accounts.confirmText', { name: user.fullName, username: user.username })}</Text>
          {remove.error ? <AdminError error={remove.error} /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('form.cancel')}
            </Button>
            <Button color="red" loading={remove.isPending} onClick={() => remove.mutate()}>
              {t('admin.accounts.confirmDelete')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
