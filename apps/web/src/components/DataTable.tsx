import { Table } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * A table of a screen: scrolls sideways below `minWidth` (phone width), striped rows, one header row. `headers` are
 * the column titles (null for a column without one, e.g. the actions); `children` are the body's rows.
 */
export function DataTable({
  headers,
  minWidth = 800,
  testId,
  highlightOnHover = false,
  children,
}: {
  headers: readonly (ReactNode | null)[];
  minWidth?: number;
  testId?: string;
  highlightOnHover?: boolean;
  children: ReactNode;
}) {
  return (
    <Table.ScrollContainer minWidth={minWidth}>
      <Table striped highlightOnHover={highlightOnHover} verticalSpacing="sm" data-testid={testId}>
        <Table.Thead>
          <Table.Tr>
            {headers.map((h, i) => (
              <Table.Th key={i}>{h}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>{children}</Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
