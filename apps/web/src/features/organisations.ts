import { useQuery } from '@tanstack/react-query';
import { api, ok } from '../api/client';

/** The organisations the account sees (its subtree), by id: staff read units by name, never by id. */
export function useOrganisations() {
  return useQuery({
    queryKey: ['organisations'],
    queryFn: async () => {
      const list = ok(await api.GET('/api/v1/organisations'));
      return new Map(list.map((o) => [o.id, o]));
    },
    staleTime: 5 * 60_000,
  });
}
