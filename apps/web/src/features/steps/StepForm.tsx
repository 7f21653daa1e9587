import { Alert, Button, Checkbox, Fieldset, Group, NumberInput, Paper, Radio, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { EVENT_DEFINITIONS, EVENT_LABELS, type EventType, type FieldEntry } from '@charterflow/procedure';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOrganisations } from '../organisations';
import { api, ApiError, type CaseView } from '../../api/client';
import { UNREAD_KEY } from '../../app/Layout';
import { ErrorNotice } from '../../components/ErrorNotice';
import { fieldsInError } from '../../lib/errors';
import { eventFields, type Lang } from '../../lib/payload';
import { dateInput, type FieldProblem, type FormValue, type FormValues, initialValues, missingFields, toEventBody } from '../../lib/step-form';
import { voteSummary } from '../../lib/votes';
import { caseKeys } from '../case/queries';

/**
 * The form of one step, generated from the event schema: a labelled input per field (dates dd/mm/yyyy, a select for
 * every list of values), the vote against its threshold while it is typed, and the refusal of a rule in Vietnamese
 * beside it. The version seen (If-Match) and an idempotency key travel with the request; the clerk sees neither.
 */
export function StepForm({ view, type, today, onDone, onCancel, onConflict }: { view: CaseView; type: EventType; today: string; onDone: (type: EventType) => void; onCancel: () => void; onConflict: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const client = useQueryClient();
  const fields = useMemo(() => eventFields(type), [type]);
  const [values, setValues] = useState<FormValues>(() => initialValues(fields, today));
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [serverFields, setServerFields] = useState<string[]>([]);
  const attempt = useRef<{ body: string; key: string } | null>(null);
  const definition = EVENT_DEFINITIONS[type];

  const record = useMutation({
    mutationFn: async (body: Record<string, unknown>) => {
      const text = JSON.stringify(body);
      // The same body sent again (a retry after a lost answer) keeps its key: the server answers the first result.
      if (!attempt.current || attempt.current.body !== text) attempt.current = { body: text, key: crypto.randomUUID() };
      const result = await api.POST('/api/v1/cases/{id}/events', {
        params: { path: { id: view.id }, header: { 'If-Match': `"${view.version}"`, 'Idempotency-Key': attempt.current.key } },
        body: body as never,
      });
      if (!result.response.ok) throw new ApiError(result.response.status, (result.error ?? {}));
      return result.data;
    },
    onSuccess: async () => {
      attempt.current = null;
      await client.invalidateQueries({ queryKey: caseKeys.all(view.id) });
      await client.invalidateQueries({ queryKey: ['worklist'] });
      await client.invalidateQueries({ queryKey: UNREAD_KEY });
      onDone(type);
    },
    onError: async (error) => {
      if (error instanceof ApiError && error.status === 409) {
        await client.invalidateQueries({ queryKey: caseKeys.all(view.id) });
        onConflict();
      }
      if (error instanceof ApiError && error.status === 400) setServerFields(fieldsInError(error.body));
    },
  });

  // A refusal answers the values sent: once they change, it no longer applies.
  const change = (next: FormValues) => {
    setValues(next);
    if (record.error) record.reset();
  };

  const submit = () => {
    const found = missingFields(fields, values);
    setProblems(found);
    setServerFields([]);
    if (found.length > 0) return;
    record.mutate(toEventBody(type, fields, values));
  };

  const errorOf = (path: string): string | undefined => {
    const problem = problems.find((p) => p.path === path);
    if (problem) return t(problem.key);
    return serverFields.includes(path) ? t('errors.validation') : undefined;
  };

  const vote = voteSummary(type, values);
  const occurredOnLabel = (definition.occurredOnLabel)[lang];

  return (
    <Paper withBorder p="md" radius="md" component="form" onSubmit={(e) => { e.preventDefault(); submit(); }} aria-label={EVENT_LABELS[type][lang]} data-testid="step-form">
      <Stack gap="sm">
        <Title order={3} size="h4">
          {EVENT_LABELS[type][lang]}
        </Title>
        <FieldInputs fields={fields} values={values} onChange={change} errorOf={errorOf} lang={lang} occurredOnLabel={occurredOnLabel} ownUnit={view.organisationId} />
        {vote ? (
          <Alert color={vote.passed ? 'green' : 'orange'} variant="light" data-testid="vote-summary" aria-live="polite">
            <Text fw={700}>{t(`form.vote.${vote.threshold}.${vote.passed ? 'pass' : 'fail'}`, { ...vote })}</Text>
          </Alert>
        ) : null}
        {record.error && !(record.error instanceof ApiError && record.error.status === 409) ? <ErrorNotice error={record.error} /> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel} type="button">
            {t('form.cancel')}
          </Button>
          <Button type="submit" loading={record.isPending}>
            {t('form.record')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function FieldInputs({
  fields,
  values,
  onChange,
  errorOf,
  lang,
  occurredOnLabel,
  prefix = '',
  ownUnit,
}: {
  fields: readonly FieldEntry[];
  values: FormValues;
  onChange: (next: FormValues) => void;
  errorOf: (path: string) => string | undefined;
  lang: Lang;
  occurredOnLabel?: string;
  prefix?: string;
  /** The case's own unit: never offered as an organisation to move it to. */
  ownUnit: string;
}) {
  const { t } = useTranslation();
  const organisations = useOrganisations();
  const set = (name: string, value: FormValue) => onChange({ ...values, [name]: value });
  return (
    <>
      {fields.map((f) => {
        const path = `${prefix}${f.name}`;
        const meta = f.shape.meta;
        const label = f.name === 'occurredOn' && occurredOnLabel ? occurredOnLabel : meta['x-labels'][lang];
        const help = meta['x-help']?.[lang];
        const common = { label, description: help, error: errorOf(path), withAsterisk: f.required && f.shape.kind !== 'flag' && f.shape.kind !== 'texts' };
        const value = values[f.name];
        switch (f.shape.kind) {
          case 'date':
            return (
              <DateInput
                key={path}
                {...common}
                value={typeof value === 'string' && value !== '' ? value : null}
                onChange={(v) => set(f.name, v ?? '')}
                valueFormat="DD/MM/YYYY"
                dateParser={(text) => dateInput(text)}
                placeholder={t('form.datePlaceholder')}
                clearable={!f.required}
                maw={420}
              />
            );
          case 'count':
            return (
              <NumberInput
                key={path}
                {...common}
                value={typeof value === 'number' ? value : ''}
                onChange={(v) => set(f.name, typeof v === 'number' ? v : v === '' ? null : Number.isFinite(Number(v)) ? Number(v) : null)}
                min={0}
                allowDecimal={false}
                allowNegative={false}
                maw={420}
              />
            );
          case 'flag':
            if (f.required) return <Checkbox key={path} label={label} description={help} checked={value === true} onChange={(e) => set(f.name, e.currentTarget.checked)} />;
            // Optional: unanswered until the clerk says yes or no (the schema says what leaving it means).
            return (
              <Radio.Group key={path} label={label} description={help} value={value === true ? 'yes' : value === false ? 'no' : null} onChange={(v) => set(f.name, v === 'yes')}>
                <Group mt={4}>
                  <Radio value="yes" label={t('case.yes')} />
                  <Radio value="no" label={t('case.no')} />
                </Group>
              </Radio.Group>
            );
          case 'choice': {
            const labels = (meta['x-enum-labels'] ?? {});
            return (
              <Select
                key={path}
                {...common}
                placeholder={t('form.choose')}
                data={f.shape.values.map((v) => ({ value: v, label: labels[v]?.[lang] ?? v }))}
                value={typeof value === 'string' ? value : null}
                onChange={(v) => set(f.name, v)}
                allowDeselect={!f.required}
              />
            );
          }
          case 'texts':
            return (
              <Textarea key={path} {...common} description={help ?? t('form.listHelp')} value={typeof value === 'string' ? value : ''} onChange={(e) => set(f.name, e.currentTarget.value)} autosize minRows={2} />
            );
          case 'text': {
            const kinds = meta['x-organisation-kinds'];
            if (kinds) {
              // An organisation (a transfer's destination): the units of those kinds the account sees, by name.
              const units = [...(organisations.data?.values() ?? [])].filter((o) => kinds.includes(o.kind) && o.id !== ownUnit).sort((a, b) => a.name.localeCompare(b.name, 'vi'));
              return (
                <Select
                  key={path}
                  {...common}
                  placeholder={t('form.choose')}
                  data={units.map((o) => ({ value: o.id, label: o.name }))}
                  value={typeof value === 'string' && value !== '' ? value : null}
                  onChange={(v) => set(f.name, v ?? '')}
                  searchable
                  allowDeselect={!f.required}
                />
              );
            }
            return <TextInput key={path} {...common} value={typeof value === 'string' ? value : ''} onChange={(e) => set(f.name, e.currentTarget.value)} />;
          }
          case 'group':
            return (
              <Fieldset key={path} legend={label}>
                <Stack gap="sm">
                  <FieldInputs fields={f.shape.fields} values={(value ?? {}) as FormValues} onChange={(inner) => set(f.name, inner)} errorOf={errorOf} lang={lang} prefix={`${path}.`} ownUnit={ownUnit} />
                </Stack>
              </Fieldset>
            );
        }
      })}
    </>
  );
}
