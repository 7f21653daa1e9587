import { ChainOrganisation } from './organisation-chain.repository';
import { escalationRecipients, organisationAt, resolveRecipients } from './recipients';

const province: ChainOrganisation = { id: 'p', kind: 'province' };
const commune: ChainOrganisation = { id: 'c', kind: 'commune' };
const grassroots: ChainOrganisation = { id: 'g', kind: 'grassroots' };
const cell: ChainOrganisation = { id: 'cell', kind: 'cell' };
const FULL = [province, commune, grassroots, cell];
/** A village cell directly under the commune: no grassroots committee. */
const VILLAGE = [province, commune, { id: 'v', kind: 'cell' } as ChainOrganisation];

describe('organisationAt', () => {
  it('finds each level above the cell of a full tree', () => {
    expect(['cell', 'grassroots', 'commune', 'province'].map((l) => organisationAt(FULL, l as never)?.id)).toEqual(['cell', 'g', 'c', 'p']);
  });

  it('a cell directly under a commune: grassroots falls back to the commune above it', () => {
    expect(organisationAt(VILLAGE, 'grassroots')?.id).toBe('c');
    expect(organisationAt(VILLAGE, 'cell')?.id).toBe('v');
  });

  it('a grassroots committee directly under the province: commune falls back to the province; nothing above a root', () => {
    expect(organisationAt([province, grassroots, cell], 'commune')?.id).toBe('p');
    expect(organisationAt([commune, grassroots, cell], 'province')).toBeNull();
  });
});

describe('recipients', () => {
  it('resolves and de-duplicates the alerted inboxes', () => {
    const alerted = resolveRecipients(VILLAGE, [
      { role: 'superior_officer', at: 'commune' },
      { role: 'grassroots_officer', at: 'grassroots' },
      { role: 'superior_officer', at: 'commune' },
    ]);
    expect(alerted).toEqual([
      { organisationId: 'c', role: 'superior_officer' },
      { organisationId: 'c', role: 'grassroots_officer' },
    ]);
  });

  it('escalation to the superior: the parent of each alerted organisation with its officer role, then the alerted', () => {
    const alerted = resolveRecipients(FULL, [
      { role: 'superior_officer', at: 'commune' },
      { role: 'grassroots_officer', at: 'grassroots' },
      { role: 'cell_secretary', at: 'cell' },
    ]);
    expect(escalationRecipients(FULL, alerted, { to: 'superior' })).toEqual([
      { organisationId: 'p', role: 'superior_officer' },
      { organisationId: 'c', role: 'superior_officer' },
      { organisationId: 'g', role: 'grassroots_officer' },
      { organisationId: 'cell', role: 'cell_secretary' },
    ]);
  });

  it('an explicit escalation list, and nothing above a root', () => {
    const alerted = [{ organisationId: 'p', role: 'superior_officer' as const }];
    expect(escalationRecipients(FULL, alerted, { to: 'superior' })).toEqual(alerted);
    expect(escalationRecipients(FULL, resolveRecipients(FULL, [{ role: 'cell_secretary', at: 'cell' }]), { to: [{ role: 'superior_officer', at: 'province' }] })).toEqual([
      { organisationId: 'p', role: 'superior_officer' },
      { organisationId: 'cell', role: 'cell_secretary' },
    ]);
  });
});
