import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, BACKGROUND, ok, type Schemas } from '../../../api/client';

export type ImportReport = Schemas['ImportReportDto'];
export type ImportItem = Schemas['ImportItemDto'];
/** Which rows of a report are read: all of them, the refused ones, or those imported with a waived rule. */
export type ImportRowFilter = 'all' | 'refused' | 'flagged';
export type ImportSummary = Schemas['ImportSummaryDto'];

/** How often the screen asks for the progress of the import it shows, while a worker processes it. */
const IMPORT_POLL_MS = 1000;
/** How often the list of recent imports is read again while one of them is waiting or running. */
const LIST_POLL_MS = 5000;
/** Imports per page of the list. */
export const RECENT_PAGE_SIZE = 10;

export const importKey = (importId: string | undefined) => ['imports', 'one', importId] as const;
const importRowsKey = (importId: string | undefined, outcome: ImportRowFilter, pageRows: number) => ['imports', 'rows', importId, outcome, pageRows] as const;
export const RECENT_IMPORTS_KEY = ['imports', 'recent'] as const;

/** Waiting for a worker or being processed: the screen keeps asking. */
export const inProgress = (i: { status: string } | undefined): boolean => i?.status === 'queued' || i?.status === 'running';

/**
 * One import, read again every second while it is waiting or running. The first reading of an import the screen
 * opens is the clerk's own request; the readings after it, made by the page on its own, are background requests
 * (they do not keep the session alive).
 */
export function useImport(importId: string | undefined) {
  const client = useQueryClient();
  return useQuery({
    queryKey: importKey(importId),
    enabled: importId !== undefined,
    queryFn: async (): Promise<ImportReport> => {
      const known = client.getQueryData(importKey(importId)) !== undefined;
      // The rows are read a page at a time (useImportRows): a file may hold 100,000 of them.
      return ok(await api.GET('/api/v1/imports/{id}', { params: { path: { id: importId as string }, query: { items: 'false' } }, ...(known ? { headers: BACKGROUND } : {}) }));
    },
    // Until the import is known to be over: a poll that failed is tried again next time.
    refetchInterval: (q) => (inProgress(q.state.data) ? IMPORT_POLL_MS : false),
  });
}

/** The imports of the account's subtree, newest first, a page at a time; read again while one of them is not over. */
export function useRecentImports() {
  const client = useQueryClient();
  return useInfiniteQuery({
    queryKey: RECENT_IMPORTS_KEY,
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam }) => {
      const known = client.getQueryData(RECENT_IMPORTS_KEY) !== undefined;
      return ok(
        await api.GET('/api/v1/imports', {
          params: { query: { limit: RECENT_PAGE_SIZE, ...(pageParam ? { cursor: pageParam } : {}) } },
          ...(known ? { headers: BACKGROUND } : {}),
        }),
      );
    },
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    refetchInterval: (q) => (q.state.data?.pages.some((p) => p.items.some(inProgress)) ? LIST_POLL_MS : false),
  });
}

/** The report of a finished import, `pageRows` rows at a time in the file's order: all rows, or only some. */
export function useImportRows(importId: string | undefined, outcome: ImportRowFilter, pageRows: number, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: importRowsKey(importId, outcome, pageRows),
    enabled: enabled && importId !== undefined,
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam }) =>
      ok(
        await api.GET('/api/v1/imports/{id}/rows', {
          params: { path: { id: importId as string }, query: { outcome, limit: pageRows, ...(pageParam ? { cursor: pageParam } : {}) } },
        }),
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}
