import { useQuery } from '@tanstack/react-query';
import { api, ok } from '../../api/client';

/** One failed or passed compliance check of a case (GET /cases/{id}/compliance). */
export interface CheckResult {
  check: string;
  title: { vi: string; en: string };
  source: string;
  severity: string;
  /** `pass`, `fail` or `not_applicable`. */
  status: string;
  detectedOn: string | null;
}

export const caseKeys = {
  all: (id: string) => ['case', id] as const,
  view: (id: string) => ['case', id, 'view'] as const,
  desk: (id: string) => ['case', id, 'desk'] as const,
  events: (id: string) => ['case', id, 'events'] as const,
  compliance: (id: string) => ['case', id, 'compliance'] as const,
};

export function useCase(id: string) {
  return useQuery({ queryKey: caseKeys.view(id), queryFn: async () => ok(await api.GET('/api/v1/cases/{id}', { params: { path: { id } } })) });
}

export function useDesk(id: string) {
  return useQuery({ queryKey: caseKeys.desk(id), queryFn: async () => ok(await api.GET('/api/v1/cases/{id}/desk', { params: { path: { id } } })) });
}

export function useHistory(id: string) {
  return useQuery({ queryKey: caseKeys.events(id), queryFn: async () => ok(await api.GET('/api/v1/cases/{id}/events', { params: { path: { id } } })) });
}

export function useCompliance(id: string) {
  return useQuery({
    queryKey: caseKeys.compliance(id),
    queryFn: async () => {
      const result = await api.GET('/api/v1/cases/{id}/compliance', { params: { path: { id } }, parseAs: 'json' });
      ok(result);
      return (result.data as unknown as { results: CheckResult[] }).results;
    },
  });
}
