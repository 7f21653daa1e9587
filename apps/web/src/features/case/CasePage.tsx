import { Alert, Anchor, Badge, Button, Card, Grid, Group, Loader, SimpleGrid, Stack, Table, Text, Timeline, Title } from '@mantine/core';
import { DEADLINE_KIND_LABELS, DEADLINE_STATUS_LABELS, EVENT_LABELS, type EventType, STATE_LABELS } from '@charterflow/procedure';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../api/client';
import { ErrorNotice } from '../../components/ErrorNotice';
import { basisText } from '../../lib/errors';
import { ageOn, viDate, viDateTime } from '../../lib/dates';
import { headlineStep } from '../../lib/next-step';
import { isFinal } from '../../lib/stages';
import { candidateLines, type Lang, payloadLines } from '../../lib/payload';
import { isInspectorOnly, displayName } from '../auth/session';
import { useOrganisations } from '../organisations';
import { StepForm } from '../steps/StepForm';
import { useCase, useCompliance, useDesk, useHistory } from './queries';
import { DocumentsCard } from './DocumentsCard';
import { DossierCard } from './DossierCard';
import { ReadmissionCard } from './ReadmissionCard';
import { StageDiagram } from './StageDiagram';

/** One case as a clerk works on it: who, where in the procedure, the limits, what to record next, what happened. */
export function CasePage({ caseId, me }: { caseId: string; me: Me }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const view = useCase(caseId);
  const desk = useDesk(caseId);
  const history = useHistory(caseId);
  const compliance = useCompliance(caseId);
  const organisations = useOrganisations();
  const [step, setStep] = useState<EventType | null>(null);
  const [notice, setNotice] = useState<{ kind: 'recorded'; type: EventType } | { kind: 'conflict' } | null>(null);

  if (view.error) return <ErrorNotice error={view.error} />;
  if (!view.data || !desk.data) {
    return (
      <Group>
        <Loader size="sm" />
        <Text>{t('app.loading')}</Text>
      </Group>
    );
  }
  const c = view.data;
  const state = c.state;
  const candidate = c.candidate as unknown as Record<string, unknown>;
  const fullName = typeof candidate.fullName === 'string' ? candidate.fullName : '';
  const age = typeof candidate.dateOfBirth === 'string' ? ageOn(candidate.dateOfBirth, desk.data.today) : null;
  const events = history.data ?? [];
  const visited = events.flatMap((e) => [e.fromState ?? '', e.toState]).filter(Boolean);
  const recordable = desk.data.recordableEvents;
  const failed = (compliance.data ?? []).filter((r) => r.status === 'fail');
  const main = headlineStep(recordable)?.step;

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={1} size="h2">
            {fullName}
          </Title>
          <Text c="gray.7">{organisations.data?.get(c.organisationId)?.name ?? ''}</Text>
        </div>
        <Badge size="lg" color={isFinal(state) ? 'gray' : 'blue'} variant="filled" data-testid="case-state">
          {STATE_LABELS[state][lang]}
        </Badge>
      </Group>

      {notice?.kind === 'conflict' ? (
        <Alert color="yellow" role="alert" withCloseButton onClose={() => setNotice(null)}>
          {t('errors.conflict')}
        </Alert>
      ) : null}
      {notice?.kind === 'recorded' ? (
        <Alert color="green" role="status" withCloseButton onClose={() => setNotice(null)}>
          {t('form.recorded', { step: EVENT_LABELS[notice.type][lang] })}
        </Alert>
      ) : null}

      <Card withBorder>
        <Title order={2} size="h4" mb="sm">
          {t('case.stages')}
        </Title>
        <StageDiagram state={state} visited={visited} />
      </Card>

      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="md">
            <Card withBorder>
              <Title order={2} size="h4" mb="sm">
                {t('case.candidate')}
              </Title>
              <SimpleGrid cols={1} spacing={4}>
                {candidateLines(candidate, lang).map((line) => (
                  <Text key={line.label} size="sm">
                    <Text span c="gray.7">
                      {line.label}:
                    </Text>{' '}
                    {line.value}
                  </Text>
                ))}
                {age !== null ? (
                  <Text size="sm">
                    <Text span c="gray.7">
                      {t('case.ageLabel')}:
                    </Text>{' '}
                    {t('case.age', { count: age })}
                  </Text>
                ) : null}
              </SimpleGrid>
            </Card>

            <ReadmissionCard facts={c.facts} membership={c.membership} />

            <DossierCard facts={c.facts} />

            <Card withBorder>
              <Title order={2} size="h4" mb="sm">
                {t('case.limits')}
              </Title>
              {desk.data.limits.length === 0 ? (
                <Text size="sm">{t('case.noLimits')}</Text>
              ) : (
                <Table verticalSpacing={6} fz="sm" data-testid="limits">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('case.limitKind')}</Table.Th>
                      <Table.Th>{t('case.dueOn')}</Table.Th>
                      <Table.Th>{t('case.status')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {desk.data.limits.map((l) => (
                      <Table.Tr key={l.deadlineId}>
                        <Table.Td>{DEADLINE_KIND_LABELS[l.kind][lang]}</Table.Td>
                        <Table.Td>{viDate(l.dueOn)}</Table.Td>
                        <Table.Td>
                          {l.workingDaysLate !== null ? (
                            <Text span fw={700} c="red.9" size="sm">
                              {t('worklist.late', { count: l.workingDaysLate })}
                            </Text>
                          ) : l.workingDaysLeft !== null ? (
                            t(l.workingDaysLeft === 0 ? 'worklist.today' : 'worklist.left', { count: l.workingDaysLeft })
                          ) : (
                            DEADLINE_STATUS_LABELS[l.status][lang]
                          )}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              )}
            </Card>

            <Card withBorder>
              <Title order={2} size="h4" mb="sm">
                {t('case.compliance')}
              </Title>
              {compliance.error ? <ErrorNotice error={compliance.error} /> : null}
              {compliance.data && failed.length === 0 ? <Text size="sm">{t('case.complianceOk')}</Text> : null}
              <Stack gap="xs">
                {failed.map((r) => (
                  <Alert key={r.check} color="red" variant="light" p="xs">
                    <Text size="sm" fw={600}>
                      {r.title[lang]}
                    </Text>
                    <Text size="xs" c="gray.7">
                      {t('errors.source', { source: basisText(r.source, lang) })}
                    </Text>
                  </Alert>
                ))}
              </Stack>
              <Anchor href={`/api/v1/cases/${caseId}/compliance/report`} target="_blank" rel="noopener" size="sm" mt="sm" display="block" className="no-print">
                {t('case.reports')}
              </Anchor>
            </Card>

            <DocumentsCard caseId={caseId} version={c.version} />
          </Stack>
        </Grid.Col>

        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="md">
            <Card withBorder className="no-print">
              <Title order={2} size="h4" mb="sm">
                {t('case.steps')}
              </Title>
              {recordable.length === 0 ? (
                <Text size="sm" data-testid="no-steps">
                  {isInspectorOnly(me) ? t('case.readOnly') : t('case.noSteps')}
                </Text>
              ) : (
                <Group gap="xs" mb={step ? 'md' : 0}>
                  {recordable.map((type) => (
                    <Button key={type} size="xs" variant={step === type ? 'filled' : type === main ? 'outline' : 'light'} fw={type === main ? 700 : 500} onClick={() => setStep(type)}>
                      {EVENT_LABELS[type][lang]}
                    </Button>
                  ))}
                </Group>
              )}
              {step && recordable.includes(step) ? (
                <StepForm
                  key={`${step}-${c.version}`}
                  view={c}
                  type={step}
                  today={desk.data.today}
                  onDone={(type) => {
                    setStep(null);
                    setNotice({ kind: 'recorded', type });
                  }}
                  onCancel={() => setStep(null)}
                  onConflict={() => {
                    setStep(null);
                    setNotice({ kind: 'conflict' });
                  }}
                />
              ) : null}
            </Card>

            <Card withBorder>
              <Title order={2} size="h4" mb="md">
                {t('case.history')}
              </Title>
              {history.error ? <ErrorNotice error={history.error} /> : null}
              <Timeline active={events.length - 1} bulletSize={14} lineWidth={2} color="red" data-testid="history">
                {[...events].reverse().map((e) => {
                  const type = e.type;
                  const actor = e.actor;
                  const who = [actor.kind === 'system' ? t('case.system') : displayName(actor), actor.title, actor.organisationName].filter(Boolean).join(', ');
                  return (
                    <Timeline.Item key={e.seq} title={`${viDate(e.occurredOn)} — ${EVENT_LABELS[type]?.[lang] ?? ''}`}>
                      {payloadLines(type, e.payload, lang, (id) => organisations.data?.get(id)?.name).map((line) => (
                        <Text key={line.label} size="sm">
                          <Text span c="gray.7">
                            {line.label}:
                          </Text>{' '}
                          {line.value}
                        </Text>
                      ))}
                      <Text size="xs" c="gray.7" mt={2}>
                        {t('case.recordedBy', { name: who, at: viDateTime(e.recordedAt) })}
                      </Text>
                    </Timeline.Item>
                  );
                })}
              </Timeline>
            </Card>
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
