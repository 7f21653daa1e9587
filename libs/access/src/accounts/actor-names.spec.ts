import { Actor, SYSTEM_ACTOR } from '@charterflow/kernel';
import type { OrganisationsService } from '@charterflow/organisations';
import { ActorNames, SYSTEM_ACTOR_FULL_NAME } from './actor-names';
import type { UsersRepository } from './users.repository';

const SECRETARY_ID = '0b0f8a3c-2d4e-4f60-8a1b-9c2d3e4f5a6b';
const CELL_ID = '6f1c2d3e-4a5b-4c6d-8e7f-8091a2b3c4d5';
const GONE_ORG = '11111111-2222-4333-8444-555555555555';

function fakes() {
  const calls = { users: [] as string[][], organisations: [] as string[][] };
  const users = {
    namesByIds: async (ids: readonly string[]) => {
      calls.users.push([...ids]);
      return new Map(ids.filter((id) => id === SECRETARY_ID).map((id) => [id, { fullName: 'Nguyễn Thị Lan', title: 'Bí thư chi bộ' }]));
    },
  } as unknown as UsersRepository;
  const organisations = {
    namesOf: async (ids: readonly string[]) => {
      calls.organisations.push([...ids]);
      return new Map(ids.filter((id) => id === CELL_ID).map((id) => [id, 'Chi bộ Giáo viên']));
    },
  } as unknown as OrganisationsService;
  return { names: new ActorNames(users, organisations), calls };
}

const secretary: Actor = { kind: 'user', userId: SECRETARY_ID.toUpperCase(), username: 'bt.chibo', organisationId: CELL_ID, roles: ['cell_secretary'] };

describe('ActorNames', () => {
  it('adds the full name, title and unit name to the recorded actor, which it leaves as recorded', async () => {
    const { names } = fakes();
    const [item] = await names.name([{ seq: 1, actor: secretary }]);
    expect(item).toEqual({
      seq: 1,
      actor: { ...secretary, fullName: 'Nguyễn Thị Lan', title: 'Bí thư chi bộ', organisationName: 'Chi bộ Giáo viên' },
    });
  });

  it('names the engine "Hệ thống" without a unit', async () => {
    const { names } = fakes();
    const [item] = await names.name([{ actor: SYSTEM_ACTOR }]);
    expect(item.actor).toMatchObject({ kind: 'system', username: 'system', fullName: SYSTEM_ACTOR_FULL_NAME, title: null, organisationName: null });
  });

  it('falls back to the recorded username for an account it does not know, and to no unit name for an unknown unit', async () => {
    const { names } = fakes();
    const stranger: Actor = { kind: 'user', userId: '99999999-8888-4777-8666-555555555555', username: 'nhap.cu', organisationId: GONE_ORG, roles: ['admin'] };
    const noId: Actor = { kind: 'user', userId: null, username: 'bench', organisationId: null, roles: ['admin'] };
    const [a, b] = await names.name([{ actor: stranger }, { actor: noId }]);
    expect(a.actor).toMatchObject({ fullName: 'nhap.cu', title: null, organisationName: null });
    expect(b.actor).toMatchObject({ fullName: 'bench', title: null, organisationName: null });
  });

  it('looks every distinct id up once, in two lookups whatever the length of the history, and skips ids that are not uuids', async () => {
    const { names, calls } = fakes();
    const odd = { kind: 'user', userId: 'u-1', username: 'van-phong', organisationId: 'cell', roles: [] } as Actor;
    await names.name([{ actor: secretary }, { actor: secretary }, { actor: SYSTEM_ACTOR }, { actor: odd }]);
    expect(calls.users).toEqual([[SECRETARY_ID]]);
    expect(calls.organisations).toEqual([[CELL_ID]]);
  });
});
