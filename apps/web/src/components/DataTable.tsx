import { Box, Paper, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { ReactNode } from 'react';

/** A row given cell by cell (`rows` of DataTable): what may be read as a card at phone width. */
export interface DataRow {
  key: string;
  /** One per header, in the headers' order. */
  cells: readonly ReactNode[];
  /** The row stands out (e.g. the item the screen shows): marked for the eye and for a screen reader. */
  current?: boolean;
}

/** Below this width (a phone) a table given by `rows` is read as a list of cards. */
export const PHONE_WIDTH = '(max-width: 48em)';

/**
 * A table of a screen: striped rows, one header row. `headers` are the column titles (null for a column without one,
 * e.g. the actions). The body is either `children` (rows of `Table.Tr`; the table scrolls sideways below
 * `minWidth`) or `rows`, given cell by cell: then, at phone width, each row is a card listing each cell under its
 * column's title, and nothing scrolls sideways. `label` names the table (or the list of cards) for a screen reader.
 */
export function DataTable({
  headers,
  minWidth = 800,
  testId,
  highlightOnHover = false,
  label,
  rows,
  children,
}: {
  headers: readonly (ReactNode | null)[];
  minWidth?: number;
  testId?: string;
  highlightOnHover?: boolean;
  label?: string;
  rows?: readonly DataRow[];
  children?: ReactNode;
}) {
  const phone = useMediaQuery(PHONE_WIDTH, false, { getInitialValueInEffect: false });
  if (rows && phone) return <Cards headers={headers} rows={rows} testId={testId} label={label} />;
  return (
    <Table.ScrollContainer minWidth={minWidth}>
      <Table striped highlightOnHover={highlightOnHover} verticalSpacing="sm" data-testid={testId} aria-label={label}>
        <Table.Thead>
          <Table.Tr>
            {headers.map((h, i) => (
              <Table.Th key={i}>{h}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows
            ? rows.map((row) => (
                <Table.Tr key={row.key} aria-current={row.current ? 'true' : undefined} bg={row.current ? 'blue.0' : undefined}>
                  {row.cells.map((cell, i) => (
                    <Table.Td key={i}>{cell}</Table.Td>
                  ))}
                </Table.Tr>
              ))
            : children}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/**
 * The rows at phone width: one card each, every cell under its column's title (a cell left empty is left out; a cell
 * of a column without a title, such as the actions, below the others).
 */
function Cards({ headers, rows, testId, label }: { headers: readonly (ReactNode | null)[]; rows: readonly DataRow[]; testId?: string; label?: string }) {
  return (
    <Box component="ul" data-testid={testId} aria-label={label} m={0} p="xs" style={{ listStyle: 'none', display: 'flex', flexDirection: 'column', gap: 'var(--mantine-spacing-xs)' }}>
      {rows.map((row) => {
        const cells = row.cells.map((cell, i) => ({ cell, header: headers[i], titled: !isEmpty(headers[i]), i })).filter((c) => !isEmpty(c.cell));
        return (
          <Paper
            component="li"
            key={row.key}
            withBorder
            p="sm"
            aria-current={row.current ? 'true' : undefined}
            bg={row.current ? 'blue.0' : undefined}
            style={{ overflowWrap: 'anywhere', minWidth: 0 }}
          >
            <Box component="dl" m={0} style={{ display: 'flex', flexDirection: 'column', gap: 6 }}>
              {cells
                .filter((c) => c.titled)
                .map(({ cell, header, i }) => (
                  <div key={i}>
                    <Text component="dt" size="xs" fw={700} c="gray.7">
                      {header}
                    </Text>
                    <Box component="dd" m={0} fz="sm">
                      {cell}
                    </Box>
                  </div>
                ))}
            </Box>
            {cells
              .filter((c) => !c.titled)
              .map(({ cell, i }) => (
                <Box key={i} mt={6} fz="sm">
                  {cell}
                </Box>
              ))}
          </Paper>
        );
      })}
    </Box>
  );
}

function isEmpty(cell: ReactNode): boolean {
  return cell === null || cell === undefined || cell === false || cell === '';
}
