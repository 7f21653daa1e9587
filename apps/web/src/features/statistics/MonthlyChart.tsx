import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../lib/payload';
import { chartScale, type MonthBar } from './statistics-view';

const WIDTH = 720;
const HEIGHT = 260;
const LEFT = 40;
const BOTTOM = 28;
const TOP = 12;

const number = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1).replace('.', ','));

/**
 * Admissions per month as bars, with the monthly target as a dashed line; the same figures as a table under it (the
 * chart is a picture with a summary for a screen reader; the table is what assistive technology and print read).
 */
export function MonthlyChart({ bars, target }: { bars: MonthBar[]; target: number | null }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const { max, ticks } = chartScale([...bars.map((b) => b.admissions), target]);
  const plotWidth = WIDTH - LEFT - 8;
  const plotHeight = HEIGHT - TOP - BOTTOM;
  const y = (v: number) => TOP + plotHeight - (v / max) * plotHeight;
  const slot = plotWidth / Math.max(bars.length, 1);
  const total = bars.reduce((s, b) => s + b.admissions, 0);
  const summary = t('statistics.chartSummary', { total, months: bars.length, target: target === null ? t('statistics.noTarget') : number(target) });
  return (
    <>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width="100%" role="img" aria-label={summary} data-testid="monthly-chart" style={{ maxWidth: WIDTH, display: 'block' }}>
        {ticks.map((tick) => (
          <g key={tick}>
            <line x1={LEFT} x2={WIDTH - 8} y1={y(tick)} y2={y(tick)} stroke="#dee2e6" />
            <text x={LEFT - 6} y={y(tick) + 4} fontSize="11" textAnchor="end" fill="#495057">
              {number(tick)}
            </text>
          </g>
        ))}
        {bars.map((b, i) => {
          const barWidth = Math.min(40, slot * 0.6);
          const x = LEFT + i * slot + (slot - barWidth) / 2;
          return (
            <g key={b.month}>
              <rect x={x} y={y(b.admissions)} width={barWidth} height={Math.max(0, TOP + plotHeight - y(b.admissions))} fill="#c92a2a">
                <title>{`${b.label[lang]}: ${b.admissions}`}</title>
              </rect>
              {b.admissions > 0 ? (
                <text x={x + barWidth / 2} y={y(b.admissions) - 3} fontSize="11" textAnchor="middle" fill="#212529">
                  {b.admissions}
                </text>
              ) : null}
              <text x={LEFT + i * slot + slot / 2} y={HEIGHT - 10} fontSize="11" textAnchor="middle" fill="#495057">
                {b.shortLabel[lang]}
              </text>
            </g>
          );
        })}
        {target !== null ? <line x1={LEFT} x2={WIDTH - 8} y1={y(target)} y2={y(target)} stroke="#1864ab" strokeWidth="2" strokeDasharray="6 4" data-testid="target-line" /> : null}
      </svg>
      <Text size="xs" c="gray.7" mt={4}>
        {target !== null ? t('statistics.legend', { target: number(target) }) : t('statistics.noTarget')}
      </Text>
      <Table striped mt="sm" captionSide="top" data-testid="monthly-table">
        <Table.Caption style={{ color: 'var(--mantine-color-gray-8)' }}>{t('statistics.monthlyCaption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('statistics.month')}</Table.Th>
            <Table.Th scope="col">{t('statistics.admissions')}</Table.Th>
            <Table.Th scope="col">{t('statistics.monthlyTarget')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {bars.map((b) => (
            <Table.Tr key={b.month}>
              <Table.Th scope="row" fw={400}>
                {b.label[lang]}
              </Table.Th>
              <Table.Td>{b.admissions}</Table.Td>
              <Table.Td>{target === null ? '—' : number(target)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </>
  );
}
