import { Box, Group, Text } from '@mantine/core';
import { STATE_LABELS, type TopState } from '@charterflow/procedure';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../lib/payload';
import { stagesOf, type StageStatus } from '../../lib/stages';
import { TEXT_COLORS } from '../../app/colors';

const LOOK: Record<StageStatus, { bg: string; c: string; bd: string }> = {
  done: { bg: 'green.1', c: TEXT_COLORS.success, bd: 'var(--mantine-color-green-7)' },
  current: { bg: 'blue.8', c: 'white', bd: 'var(--mantine-color-blue-9)' },
  ahead: { bg: 'white', c: 'gray.7', bd: 'var(--mantine-color-gray-4)' },
  skipped: { bg: 'gray.1', c: 'gray.7', bd: 'var(--mantine-color-gray-3)' },
};

/** The procedure's stages in order, from the top states of the machine, with what is done and where the case is. */
export function StageDiagram({ state, visited }: { state: TopState; visited: readonly string[] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const { path, exit } = stagesOf(state, visited);
  return (
    <Box>
      <Group gap={6} wrap="wrap" align="stretch" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label={t('case.stages')}>
        {path.map((stage, i) => {
          const look = LOOK[stage.status];
          return (
            <Box
              component="li"
              key={stage.state}
              bg={look.bg}
              c={look.c}
              px="xs"
              py={6}
              style={{ border: `1px solid ${look.bd}`, borderRadius: 6, minWidth: 120, flex: '1 1 120px' }}
              aria-current={stage.status === 'current' ? 'step' : undefined}
              data-stage-status={stage.status}
            >
              <Text size="xs" fw={700} c="inherit">
                {i + 1}. {t(`case.stage.${stage.status}`)}
              </Text>
              <Text size="sm" c="inherit" lh={1.25} td={stage.status === 'skipped' ? 'line-through' : undefined}>
                {STATE_LABELS[stage.state][lang]}
              </Text>
            </Box>
          );
        })}
      </Group>
      {exit ? (
        <Text mt="xs" fw={700} c="red.9">
          {t('case.exit', { state: STATE_LABELS[exit][lang] })}
        </Text>
      ) : null}
    </Box>
  );
}
